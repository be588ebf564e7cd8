-- clienten.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.client_pseudoniem,
    r.bsn_pseudoniem,
    r.bsn_elfproef_ongeldig,
    r.geboortedatum,
    {{ normaliseer_code('geslacht', 'geslacht') }} as geslacht,
    r.aanmaakdatum
from {{ uit_actuele_levering(source('raw', 'clienten')) }}
