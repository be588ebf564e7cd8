-- producten.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.product_id,
    r.traject_id,
    r.client_pseudoniem,
    {{ normaliseer_code('product', 'product') }} as product,
    r.startdatum,
    r.einddatum
from {{ uit_actuele_levering(source('raw', 'producten')) }}
