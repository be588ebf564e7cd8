-- marts.indicatoren_openstaand: pending cases beside the deadline indicators (issue 4:
-- "a trajectory whose termijn has not yet passed at the peildatum is left out of the
-- denominator, and the count of pending cases is shown beside the figure"). One row per
-- region with the indicator's family x indicator x variant x period of every type (also
-- 0): the units of P whose termijn ends after the region's peildatum (macro
-- openstaand_rijen over the indicator's fact model, which flags them `openstaand`): for
-- HF.5, GZ.1, GZ.2, GZ.6, MO.3 the units starting in P; for HF.2, HF.3 and GZ.4 those
-- whose measuring moment lies in P; for MO.2 aanmeldingen on the peildatum itself.
-- A new indicator with pending cases = one line.
{%- set termijn_indicatoren = [
    (ref('fct_hf_5_ondersteuningsplan'), 'HF.5'),
    (ref('fct_gz_1_ondersteuningsplan'), 'GZ.1'),
    (ref('fct_gz_2_besluit'), 'GZ.2'),
    (ref('fct_gz_6_driegesprek'), 'GZ.6'),
    (ref('fct_mo_3_triage'), 'MO.3'),
    (ref('fct_hf_2_verbetering'), 'HF.2'),
    (ref('fct_hf_3_voortgang'), 'HF.3'),
    (ref('fct_gz_4_ontwikkeling'), 'GZ.4'),
    (ref('fct_mo_2_screening'), 'MO.2'),
] %}
{% for feiten, indicator in termijn_indicatoren %}
{{ openstaand_rijen(feiten, indicator) }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
order by regio, indicator, variant, periode_type, periode_start
