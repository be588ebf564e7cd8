{#- One data-quality counter: per region that has `familie` and per provider of that
    region that delivered, the number of `gevallen` (also 0). `gevallen` is the SQL of a
    select (one row per case, with aanbieder_code, and regio when per_regio) or the name
    of a relation/CTE with those columns. Columns: regio, aanbieder_code, teller,
    omschrijving, aantal — the int_dq_* models are unioned into marts.datakwaliteit_indicatoren. -#}
{% macro dq_teller(familie, teller, omschrijving, gevallen, per_regio=true) -%}
    {%- set bron = gevallen | string -%}
    {%- if bron.strip().lower().startswith('select') or bron.strip().lower().startswith('with') -%}
        {%- set bron = '(' ~ bron ~ ')' -%}
    {%- endif %}
select
    ra.regio,
    ra.aanbieder_code,
    '{{ teller }}' as teller,
    '{{ omschrijving }}' as omschrijving,
    count(g.aanbieder_code) as aantal
from {{ ref('int_regio_aanbieders') }} as ra
left join {{ bron }} as g
    on g.aanbieder_code = ra.aanbieder_code
    {%- if per_regio %}
   and g.regio = ra.regio
    {%- endif %}
where ra.levering_id is not null
  and exists (
        select 1
        from {{ source('config', 'regio_indicatorfamilies') }} as fam
        where fam.regio = ra.regio
          and fam.familie = '{{ familie }}'
  )
group by ra.regio, ra.aanbieder_code
{%- endmacro %}
