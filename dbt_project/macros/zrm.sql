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

{#- The clusters of the seed zrm_clusters, one row per cluster: cluster_code, cluster_naam
    and per leefgebied (zrm_leefgebieden()) a boolean column in_<leefgebied> = the
    leefgebied belongs to the cluster. Leefgebieden marked alleen_met_schakelaar count only
    when zrm_met_justitie() is true; a cluster without any counting leefgebied has no row. -#}
{% macro zrm_clusters_breed() -%}
select
    cluster_code,
    min(cluster_naam) as cluster_naam,
    {%- for leefgebied in zrm_leefgebieden() %}
    bool_or(leefgebied = '{{ leefgebied }}') as in_{{ leefgebied }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ ref('zrm_clusters') }}
where not alleen_met_schakelaar
   or {{ zrm_met_justitie() }}
group by cluster_code
{%- endmacro %}

{#- Cluster score of a measurement `meting` (a row with the leefgebied score columns) for a
    cluster `cluster` (a row of zrm_clusters_breed()): the mean of the measurement's
    non-empty scores on the cluster's leefgebieden (DOUBLE), NULL when all are empty.
    Computed on the wide row: no join with the long int_zrm_scores. -#}
{% macro zrm_clusterscore(meting, cluster) -%}
    case
        when {{ zrm_cluster_aantal_gescoord(meting, cluster) }} > 0
        then cast(({% for leefgebied in zrm_leefgebieden() %}{{ ' + ' if not loop.first }}case when {{ cluster }}.in_{{ leefgebied }} then coalesce({{ meting }}.{{ leefgebied }}, 0) else 0 end{% endfor %}) as double)
            / {{ zrm_cluster_aantal_gescoord(meting, cluster) }}
    end
{%- endmacro %}

{#- The number (BIGINT) of the cluster's leefgebieden with a score in the measurement
    (arguments as zrm_clusterscore). -#}
{% macro zrm_cluster_aantal_gescoord(meting, cluster) -%}
    cast(({% for leefgebied in zrm_leefgebieden() %}{{ ' + ' if not loop.first }}case when {{ cluster }}.in_{{ leefgebied }} and {{ meting }}.{{ leefgebied }} is not null then 1 else 0 end{% endfor %}) as bigint)
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
