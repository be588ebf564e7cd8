{#- Building blocks of D.1.4-D.2.5 and BZ (indicatoren.md §1 D, §2). -#}

{#- Rows of marts.indicatoren for a ratio of two sums over a fact model (BZ.1 bezetting:
    occupied person-days / capacity-days x 100), built from two indicator_rijen(maat='som')
    calls so that totals, dimension rows, region families and norms stay those of
    indicator_rijen:
        teller = sum(teller_waarde), noemer = sum(noemer_waarde),
        waarde = factor * teller / noemer (NULL when noemer is 0),
        status against the norm as in indicator_rijen.
    teller_waarde / noemer_waarde are SQL expressions over the fact's columns. The same
    fact rows (and filter) feed both sums, so both calls give the same set of rows. -#}
{% macro verhouding_rijen(feiten, indicator, dimensies, teller_waarde, noemer_waarde, factor=100, eenheid='percentage', variant='', filter=none) -%}
select
    regio, indicator, variant, periode_type, periode_start, periode_eind,
    dimensie, dimensie_waarde, teller, noemer, waarde, eenheid, norm,
    {{ status_tegen_norm('waarde', 'norm') }} as status
from (
    select
        t.regio, t.indicator, t.variant, t.periode_type, t.periode_start, t.periode_eind,
        t.dimensie, t.dimensie_waarde,
        t.teller,
        n.teller as noemer,
        cast({{ factor }} * t.teller / nullif(n.teller, 0) as double) as waarde,
        t.eenheid,
        t.norm
    from (
        {{ indicator_rijen(feiten, indicator, dimensies, maat='som', meetwaarde=teller_waarde, eenheid=eenheid, variant=variant, filter=filter) }}
    ) as t
    inner join (
        {{ indicator_rijen(feiten, indicator, dimensies, maat='som', meetwaarde=noemer_waarde, eenheid=eenheid, variant=variant, filter=filter) }}
    ) as n
        on n.regio = t.regio
       and n.periode_type = t.periode_type
       and n.periode_start = t.periode_start
       and n.dimensie = t.dimensie
       and n.dimensie_waarde = t.dimensie_waarde
)
{%- endmacro %}

{#- The dimensions of D.2.1-D.2.3 (§0 dimensions that apply to a Briefadres product). -#}
{% macro dimensies_d2() -%}
    {{ return(['gemeente_herkomst', 'geslacht', 'leeftijdsgroep', 'nieuw_bekend']) }}
{%- endmacro %}

{#- Fact rows of D.2.1-D.2.3 from int_briefadres_producten: one row per region x period x
    counted unit with the dimensies_d2() columns (via gebeurtenis_dimensies).
        gebeurtenis 'actief'  D.2.1: per person with a Briefadres product active in P; the
                              event is the person's latest-starting such product (tie:
                              open / latest end, then highest product_key); age on p_start
                    'start'   D.2.2: per product with startdatum in P; age on startdatum
                    'eind'    D.2.3: per product with einddatum in P; age on einddatum
    The event's date is the product's startdatum (actief, start) or einddatum (eind); its
    trajectory gives the linked aanmelding for the gemeente van herkomst. -#}
{% macro briefadres_feiten(gebeurtenis) -%}
    {%- set datums = {'actief': 'startdatum', 'start': 'startdatum', 'eind': 'einddatum'} -%}
    {%- if gebeurtenis not in datums -%}
        {{ exceptions.raise_compiler_error("briefadres_feiten: onbekende gebeurtenis '" ~ gebeurtenis ~ "'") }}
    {%- endif -%}
with geselecteerd as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        b.* exclude (regio)
    from {{ ref('dim_periode') }} as p
    inner join {{ ref('int_briefadres_producten') }} as b
        on b.regio = p.regio
    {%- if gebeurtenis == 'actief' %}
       and {{ actief_in('b.startdatum', 'b.einddatum', 'p.periode_start', 'p.periode_eind') }}
    qualify row_number() over (
        partition by p.regio, p.periode_type, p.periode_start, b.persoon_key
        order by b.startdatum desc, b.einddatum desc nulls first, b.product_key desc
    ) = 1
    {%- else %}
       and b.{{ datums[gebeurtenis] }} between p.periode_start and p.periode_eind
    {%- endif %}
),
gebeurtenissen as (
    select
        *,
        {{ datums[gebeurtenis] }} as gebeurtenis_datum,
        {{ 'periode_start' if gebeurtenis == 'actief' else datums[gebeurtenis] }} as leeftijd_datum,
        cast(null as varchar) as opvang
    from geselecteerd
)
{{ gebeurtenis_rijen('gebeurtenissen', ['persoon_key', 'product_key', 'aanbieder_code', 'traject_id', 'startdatum', 'einddatum', 'gebeurtenis_datum'] + dimensies_d2()) }}
{%- endmacro %}

