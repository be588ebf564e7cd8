-- aanmeldingen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.aanmelding_id,
    r.client_pseudoniem,
    r.aanmeldingsdatum,
    {{ gemeente_code('gemeente_herkomst') }} as gemeente_herkomst,
    {{ normaliseer_code('reden_aanmelding', 'reden_aanmelding') }} as reden_aanmelding,
    {{ normaliseer_code('hoofdprobleem', 'hoofdprobleem') }} as hoofdprobleem,
    {{ normaliseer_code('oorzaak_instroom', 'oorzaak_instroom') }} as oorzaak_instroom,
    r.datum_aanvullend_vragenformulier,
    r.datum_eerste_actieplan
from {{ uit_actuele_levering(source('raw', 'aanmeldingen')) }}
