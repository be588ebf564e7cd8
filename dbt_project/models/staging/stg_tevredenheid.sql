-- tevredenheid.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.client_pseudoniem,
    r.meetdatum,
    r.score,
    r.ervaren_veiligheid,
    r.ervaren_stabiliteit
from {{ uit_actuele_levering(source('raw', 'tevredenheid')) }}
