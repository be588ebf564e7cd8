-- voortgang.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.traject_id,
    r.client_pseudoniem,
    r.datum,
    {{ normaliseer_code('stoplicht', 'stoplicht') }} as stoplicht
from {{ uit_actuele_levering(source('raw', 'voortgang')) }}
