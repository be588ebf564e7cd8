-- marts.indicatoren (indicatoren.md §6): the union of every indicator model. A new
-- indicator = a fact model + an ind_ model (indicator_rijen) + one line here.
{%- set indicator_modellen = [
    ref('ind_d1_1_unieke_clienten'),
    ref('ind_d1_2_instroom'),
    ref('ind_d1_3_uitstroom'),
] %}
{%- set kolommen = indicator_kolommen() %}
{% for model in indicator_modellen %}
select {{ kolommen | join(', ') }}
from {{ model }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
order by regio, indicator, variant, periode_type, periode_start, dimensie, dimensie_waarde
