-- klachten_bezwaren.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.melding_id,
    {{ normaliseer_code('soort', 'soort_melding') }} as soort,
    r.client_pseudoniem,
    r.ontvangstdatum,
    {{ normaliseer_code('aard', 'aard_melding') }} as aard,
    {{ normaliseer_code('afhandeling', 'afhandeling') }} as afhandeling,
    r.afhandeldatum
from {{ uit_actuele_levering(source('raw', 'klachten_bezwaren')) }}
