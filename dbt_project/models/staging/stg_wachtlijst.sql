-- wachtlijst.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.client_pseudoniem,
    {{ normaliseer_code('voorziening', 'woonvorm') }} as voorziening,
    r.datum_op,
    r.datum_af,
    r.reden_af
from {{ uit_actuele_levering(source('raw', 'wachtlijst')) }}
