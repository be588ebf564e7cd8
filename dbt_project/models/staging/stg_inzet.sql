-- inzet.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.traject_id,
    r.client_pseudoniem,
    {{ normaliseer_code('product', 'product') }} as product,
    r.maand,
    r.uren
from {{ uit_actuele_levering(source('raw', 'inzet')) }}
