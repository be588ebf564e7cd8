-- mijlpalen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.traject_id,
    r.client_pseudoniem,
    {{ normaliseer_code('mijlpaal', 'mijlpaal') }} as mijlpaal,
    r.datum
from {{ uit_actuele_levering(source('raw', 'mijlpalen')) }}
