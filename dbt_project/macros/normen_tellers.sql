{#- Helpers for indicators whose norm does not apply to every variant, and for the
    per-provider data-quality counters (int_dq_* models). Used by the A.2, B.2, C.1 and
    E.1 families (models/indicatoren/a2, b2, c1, e1). -#}

{#- The rows of indicator_rijen() (`rijen`, a SELECT) without norm and status: for a
    variant the region's norm does not measure (e.g. the mean of C.1.4 when a norm for
    the percentage within the termijn is configured, or the percentage of B.2.1 whose
    norm is a score). -#}
{% macro rijen_zonder_norm(rijen) -%}
select * replace (cast(null as double) as norm, cast(null as varchar) as status)
from (
{{ rijen }}
)
{%- endmacro %}

{#- The rows of indicator_rijen() (`rijen`) with the norm defaulting to `standaard` when
    the region has none in config.regio_normen; status recomputed as indicator_rijen()
    does ('voldoet' when waarde >= norm, NULL without value). -#}
{% macro rijen_met_standaardnorm(rijen, standaard) -%}
select * replace (
    coalesce(norm, cast({{ standaard }} as double)) as norm,
    {{ status_tegen_norm('waarde', 'coalesce(norm, cast(' ~ standaard ~ ' as double))') }} as status
)
from (
{{ rijen }}
)
{%- endmacro %}


{#- C.1.4 / C.1.8 Afhandeltermijn of meldingen of `soort` ('klacht' / 'bezwaar') from
    fct_c1_meldingen_afgehandeld: variants gemiddelde and mediaan (days; no norm: a
    configured norm of the indicator is a percentage) and binnen_norm (percentage within
    the region's termijn; norm from config.regio_normen when configured). -#}
{% macro c1_afhandeltermijn_rijen(indicator, soort) -%}
    {%- set feiten = ref('fct_c1_meldingen_afgehandeld') -%}
    {%- set filter = "soort = '" ~ soort ~ "'" -%}
{{ rijen_zonder_norm(indicator_rijen(feiten, indicator, [], maat='gemiddelde',
    meetwaarde='afhandeltermijn_dagen', eenheid='dagen', variant='gemiddelde', filter=filter)) }}
union all
{{ rijen_zonder_norm(indicator_rijen(feiten, indicator, [], maat='mediaan',
    meetwaarde='afhandeltermijn_dagen', eenheid='dagen', variant='mediaan', filter=filter)) }}
union all
{{ indicator_rijen(feiten, indicator, [], maat='percentage',
    meetwaarde='binnen_termijn', eenheid='percentage', variant='binnen_norm', filter=filter) }}
{%- endmacro %}
