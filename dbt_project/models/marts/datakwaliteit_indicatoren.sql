-- Data-quality counters of the indicator families (indicatoren.md: trajectories without
-- nulmeting, intake before aanmelding, ...): one row per region × provider × counter,
-- also when 0. Published; no person-level data. Each counter is an int_dq_* model
-- built with the dq_teller macro.
{%- set tellers = [
    ref('int_dq_actieplan_voor_aanmelding'),
    ref('int_dq_bz_dagen_buiten_geldigheid'),
    ref('int_dq_bz_geldigheid_overlapt'),
    ref('int_dq_bz_locatie_onbekend'),
    ref('int_dq_bz_verblijf_zonder_locatie'),
    ref('int_dq_eindmeting_niet_na_nulmeting'),
    ref('int_dq_gz_traject_zonder_nulmeting'),
    ref('int_dq_hf_traject_zonder_nulmeting'),
    ref('int_dq_intake_buiten_kalender'),
    ref('int_dq_intake_voor_aanmelding'),
    ref('int_dq_kosten_jaar_ontbreekt'),
    ref('int_dq_kosten_periode_onbekend'),
    ref('int_dq_melding_afgehandeld_zonder_datum'),
    ref('int_dq_melding_datum_zonder_afhandeling'),
    ref('int_dq_melding_soort_onbekend'),
    ref('int_dq_tevredenheid_zonder_doelgroep'),
    ref('int_dq_tevredenheid_zonder_score'),
    ref('int_dq_traject_zonder_nulmeting'),
] %}
{% for t in tellers %}
select regio, aanbieder_code, teller, omschrijving, aantal from {{ t }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
order by regio, aanbieder_code, teller
