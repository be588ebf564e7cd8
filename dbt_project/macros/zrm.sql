{#- Zelfredzaamheidsmatrix (ZRM) and the A.1 indicators (indicatoren.md §1 A.1). -#}

{#- The leefgebieden: the score columns of zrm_metingen (data/contract/aanlevering.yml),
    in contract order. The clusters that use them are in the seed zrm_clusters. -#}
{% macro zrm_leefgebieden() -%}
    {{ return(['financien', 'huisvesting', 'dagbesteding', 'adl', 'maatschappelijke_participatie',
               'huiselijke_relaties', 'sociaal_netwerk', 'geestelijke_gezondheid',
               'lichamelijke_gezondheid', 'verslaving', 'justitie']) }}
{%- endmacro %}

{#- The switch "Zelfredzamer = leefgebieden 1 t/m 11" (var zrm_zelfredzamer_met_justitie,
    default false = 1 t/m 10, Bijlage IV's definition text) as an SQL boolean literal.
    Accepts a YAML boolean or the strings true/false/ja/nee/1/0; anything else is an error. -#}
{% macro zrm_met_justitie() -%}
    {%- set waarde = var('zrm_zelfredzamer_met_justitie', false) -%}
    {%- if waarde is string -%}
        {%- set tekst = waarde | trim | lower -%}
        {%- if tekst in ('true', 'ja', '1') -%}{%- set waarde = true -%}
        {%- elif tekst in ('false', 'nee', '0', '') -%}{%- set waarde = false -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("var zrm_zelfredzamer_met_justitie: '" ~ waarde ~ "' is geen true/false") }}
        {%- endif -%}
    {%- endif -%}
    {{ 'true' if waarde else 'false' }}
{%- endmacro %}

{#- instroomprofiel of a nulmeting score (1-5): 1-3 -> `laag`, 4-5 -> `hoog`, empty ->
    'onbekend'. -#}
{% macro zrm_instroomprofiel(score, laag, hoog) -%}
    case
        when {{ score }} between 1 and 3 then '{{ laag }}'
        when {{ score }} between 4 and 5 then '{{ hoog }}'
        else 'onbekend'
    end
{%- endmacro %}

{#- The dimensions of A.1.1 and A.1.1.a-d. -#}
{% macro dimensies_a1() -%}
    {{ return(['instroomprofiel_verslaving', 'instroomprofiel_justitie', 'gemeente_herkomst', 'leeftijdsgroep']) }}
{%- endmacro %}

{#- The marts.indicatoren rows of one ZRM cluster (A.1.1, A.1.1.a, ...): variants kort
    and lang, value = 100 x improved / counted from fct_a1_1_zrm_verbetering. Persons
    whose cluster score is undefined at either measurement (verbeterd NULL) are left out
    of that cluster altogether: not in numerator or denominator, and no dimension row
    of their own. -#}
{% macro zrm_indicator_rijen(cluster_code) -%}
    {%- for variant in ['kort', 'lang'] %}
{{ indicator_rijen(ref('fct_a1_1_zrm_verbetering'), cluster_code, dimensies_a1(),
                   maat='percentage', meetwaarde='verbeterd', eenheid='percentage', variant=variant,
                   filter="f.cluster_code = '" ~ cluster_code ~ "' and f.variant = '" ~ variant ~ "' and f.verbeterd is not null") }}
        {%- if not loop.last %}
union all
        {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- The Housing First or Gezinsopvang trajectories (int_hf_gz_trajecten, doelgroep
    `doelgroep`) with their ZRM nulmeting (int_zrm_paren: the earliest; trajectories
    without one are left out), for HF.2 and GZ.4: regio, aanbieder_code, traject_id,
    persoon_key, startdatum, einddatum, nulmeting_id, nulmeting_datum and the
    dimensies_traject() columns. -#}
{% macro trajecten_met_nulmeting(doelgroep) -%}
select
    t.regio,
    t.aanbieder_code,
    t.traject_id,
    t.persoon_key,
    t.startdatum,
    t.einddatum,
    z.nulmeting_id,
    z.nulmeting_datum,
    {%- for kolom in dimensies_traject() %}
    t.{{ kolom }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ ref('int_hf_gz_trajecten') }} as t
inner join {{ ref('int_zrm_paren') }} as z
    on z.aanbieder_code = t.aanbieder_code
   and z.traject_id = t.traject_id
where t.doelgroep = '{{ doelgroep }}'
{%- endmacro %}
