{#- Deadline indicators with pending cases (indicatoren.md §3 HF.5, §4 GZ.1, GZ.2, GZ.6,
    §5 MO.3): "units (trajectories or stays) starting in P whose start + termijn <=
    peildatum; on time when a mijlpaal of the unit's trajectory is dated <= start +
    termijn". A unit whose termijn has not passed at the region's peildatum is pending
    (openstaand): out of the denominator, and counted in marts.indicatoren_openstaand. -#}

{#- Fact rows of a deadline indicator: one row per region x period (dim_periode) x unit of
    `eenheden` (int_traject_eenheden) matching `filter` whose startdatum lies in P.
        mijlpaal      the mijlpaal code that must be reached, e.g. 'ondersteuningsplan'
        termijn_dagen the deadline in calendar days after the start (6 weeks = 42)
    Columns: the unit (eenheid_key, aanbieder_code, traject_id, persoon_key, startdatum),
        termijn_eind    startdatum + termijn_dagen
        mijlpaal_datum  the earliest mijlpaal of that code of the unit's own trajectory
                        (same provider and traject_id; NULL when there is none)
        peildatum       the region's peildatum (dim_periode.regio_peildatum, from
                        int_regio_peildatum)
        openstaand      termijn_eind > peildatum: the termijn has not passed yet
        op_tijd         NULL when openstaand; else mijlpaal_datum <= termijn_eind
                        (no mijlpaal = not on time)
        dimensies_traject() via gebeurtenis_dimensies (event = the unit's start; age on
        the startdatum; gemeente van herkomst of the trajectory's aanmelding, else the
        person's latest aanmelding on or before the start), and the columns of
        extra_dimensies as they are in `eenheden` (e.g. MO.3's onderdeel). -#}
{% macro termijn_feiten(eenheden, filter, mijlpaal, termijn_dagen, extra_dimensies=[]) -%}
with mijlpalen as (
    select
        aanbieder_code,
        traject_id,
        min(datum) as mijlpaal_datum
    from {{ ref('stg_mijlpalen') }}
    where mijlpaal = '{{ mijlpaal }}'
      and traject_id is not null
    group by aanbieder_code, traject_id
),
gebeurtenissen as (
    select
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        p.regio_peildatum as peildatum,
        e.*,
        cast(e.startdatum + {{ termijn_dagen }} as date) as termijn_eind,
        m.mijlpaal_datum,
        e.startdatum as gebeurtenis_datum,
        e.startdatum as leeftijd_datum,
        cast(null as varchar) as opvang
    from {{ ref('dim_periode') }} as p
    inner join {{ eenheden }} as e
        on e.regio = p.regio
       and e.startdatum between p.periode_start and p.periode_eind
       and ({{ filter }})
    left join mijlpalen as m
        on m.aanbieder_code = e.aanbieder_code
       and m.traject_id = e.traject_id
)
{{ gebeurtenis_rijen('gebeurtenissen', ['eenheid_key', 'aanbieder_code', 'traject_id', 'persoon_key', 'startdatum', 'termijn_eind',
        'mijlpaal_datum', 'peildatum', 'termijn_eind > peildatum as openstaand',
        'case when termijn_eind > peildatum then null else coalesce(mijlpaal_datum <= termijn_eind, false) end as op_tijd']
    + dimensies_traject() + extra_dimensies) }}
{%- endmacro %}

{#- Rows of marts.indicatoren for a deadline indicator: % on time among the units whose
    termijn has passed (pending units are left out, also of the dimension rows);
    dimensions dimensies_traject() plus extra_dimensies. -#}
{% macro termijn_indicator_rijen(feiten, indicator, extra_dimensies=[]) -%}
{{ indicator_rijen(feiten, indicator, dimensies_traject() + extra_dimensies, maat='percentage',
    meetwaarde='op_tijd', eenheid='percentage', filter='not openstaand') }}
{%- endmacro %}

{#- Rows of marts.indicatoren_openstaand for a deadline indicator: per region with the
    indicator's family and every period of dim_periode, the number of pending units that
    start in P (also 0). Built on indicator_rijen (maat aantal), so regions and periods
    are exactly those of the indicator's own rows. -#}
{% macro openstaand_rijen(feiten, indicator, variant='') -%}
select
    regio, indicator, variant, periode_type, periode_start, periode_eind,
    cast(teller as integer) as openstaand
from (
    {{ indicator_rijen(feiten, indicator, [], maat='aantal', variant=variant, filter='openstaand') }}
)
{%- endmacro %}
