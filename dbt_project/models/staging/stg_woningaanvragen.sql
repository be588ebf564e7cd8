-- woningaanvragen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.client_pseudoniem,
    {{ normaliseer_code('soort', 'soort_woningaanvraag') }} as soort,
    r.aanvraagdatum,
    r.verhuisdatum
from {{ uit_actuele_levering(source('raw', 'woningaanvragen')) }}
