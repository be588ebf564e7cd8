-- marts.indicatoren (indicatoren.md §6): the union of every indicator model. A new
-- indicator = a fact model + an ind_ model (indicator_rijen) + one line here.
{%- set indicator_modellen = [
    ref('ind_a1_1_zelfredzamer'),
    ref('ind_a1_1_a_stabiliseert'),
    ref('ind_a1_1_b_actiever'),
    ref('ind_a1_1_c_socialer'),
    ref('ind_a1_1_d_gezonder'),
    ref('ind_a2_1_heropende_dossiers'),
    ref('ind_b1_1_intake'),
    ref('ind_b1_2_eerste_actieplan'),
    ref('ind_b2_1_klanttevredenheid'),
    ref('ind_c1_1_klachten_aantal'),
    ref('ind_c1_2_klachten_aard'),
    ref('ind_c1_3_klachten_afhandeling'),
    ref('ind_c1_4_klachten_afhandeltermijn'),
    ref('ind_c1_5_bezwaren_aantal'),
    ref('ind_c1_6_bezwaren_aard'),
    ref('ind_c1_7_bezwaren_afhandeling'),
    ref('ind_c1_8_bezwaren_afhandeltermijn'),
    ref('ind_d1_1_unieke_clienten'),
    ref('ind_d1_2_instroom'),
    ref('ind_d1_3_uitstroom'),
    ref('ind_d1_4_woningaanvraag_verhuizing'),
    ref('ind_d1_5_wachtlijst'),
    ref('ind_d2_1_unieke_inwoners'),
    ref('ind_d2_2_instroom'),
    ref('ind_d2_3_uitstroom'),
    ref('ind_d2_4_totale_inzet'),
    ref('ind_d2_5_inzet_per_traject'),
    ref('ind_e1_1_kosten'),
    ref('ind_bz_1_bezetting'),
    ref('ind_bz_2_verblijfsduur'),
    ref('ind_hf_1_woningbehoud'),
    ref('ind_hf_2_verbetering_leefdomeinen'),
    ref('ind_hf_3_voortgangsbeoordeling'),
    ref('ind_hf_4_stabiliteit_veiligheid'),
    ref('ind_hf_6_stoplicht'),
    ref('ind_gz_3_doorstroom'),
    ref('ind_gz_4_positieve_ontwikkeling'),
    ref('ind_gz_5_ervaren_veiligheid'),
    ref('ind_mo_1_kwartaalrapportage'),
    ref('ind_mo_2_screening'),
    ref('ind_mo_4_doorstroom'),
    ref('ind_mo_5_wachtlijst'),
    ref('ind_mo_6_prestatielevering'),
    ref('ind_hf_5_ondersteuningsplan'),
    ref('ind_gz_1_ondersteuningsplan'),
    ref('ind_gz_2_besluit'),
    ref('ind_gz_6_driegesprek'),
    ref('ind_mo_3_triage'),
] %}
{%- set kolommen = indicator_kolommen() %}
{% for model in indicator_modellen %}
select {{ kolommen | join(', ') }}
from {{ model }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
order by regio, indicator, variant, periode_type, periode_start, dimensie, dimensie_waarde
