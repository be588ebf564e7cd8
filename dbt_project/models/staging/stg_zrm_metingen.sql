-- zrm_metingen.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.meting_id,
    r.client_pseudoniem,
    r.traject_id,
    r.meetdatum,
    {{ normaliseer_code('soort_meting', 'soort_meting') }} as soort_meting,
    r.financien,
    r.huisvesting,
    r.dagbesteding,
    r.adl,
    r.maatschappelijke_participatie,
    r.huiselijke_relaties,
    r.sociaal_netwerk,
    r.geestelijke_gezondheid,
    r.lichamelijke_gezondheid,
    r.verslaving,
    r.justitie
from {{ uit_actuele_levering(source('raw', 'zrm_metingen')) }}
