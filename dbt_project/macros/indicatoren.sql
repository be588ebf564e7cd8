{#- Indicator building blocks (indicatoren.md §0, §6). A fact model per indicator holds
    one row per region x period x counted unit with its dimension columns; the indicator
    model turns it into rows of marts.indicatoren with indicator_rijen(). -#}

{#- The columns of marts.indicatoren, in order (§6). -#}
{% macro indicator_kolommen() -%}
    {{ return(['regio', 'indicator', 'variant', 'periode_type', 'periode_start', 'periode_eind',
               'dimensie', 'dimensie_waarde', 'teller', 'noemer', 'waarde', 'eenheid', 'norm', 'status']) }}
{%- endmacro %}

{#- The dimensions of D.1.1-D.1.3 (D.1.3 adds its uitstroom dimensions). -#}
{% macro dimensies_d1() -%}
    {{ return(['gemeente_herkomst', 'soort_opvang', 'geslacht', 'leeftijdsgroep',
               'reden_aanmelding', 'oorzaak_instroom', 'nieuw_bekend', 'gemeente_opvang']) }}
{%- endmacro %}

{#- The dimensions of the trajectory and stay indicators of HF, GZ and MO.3 (the
    trajectory's or stay's start is the event; int_hf_gz_trajecten, termijn_feiten). -#}
{% macro dimensies_traject() -%}
    {{ return(['gemeente_herkomst', 'leeftijdsgroep', 'geslacht']) }}
{%- endmacro %}

{#- Every row and column of `relatie` (with columns regio and persoon_key) plus the
    person's attributes in that region from int_regio_personen: geboortedatum, geslacht,
    aanmaakdatum (NULL for a person unknown there), as gebeurtenis_dimensies needs them. -#}
{% macro met_persoonskenmerken(relatie) -%}
select
    r.*,
    p.geboortedatum,
    p.geslacht,
    p.aanmaakdatum
from {{ relatie }} as r
left join {{ ref('int_regio_personen') }} as p
    on p.regio = r.regio
   and p.persoon_key = r.persoon_key
{%- endmacro %}

{#- The rows of `relatie` (which has a column regio) per region and period: every
    column of `perioden` (alias p; default dim_periode: regio, periode_type,
    periode_start, periode_eind, regio_peildatum) and every column of `relatie` (alias r)
    but regio, for the pairs with r.regio = p.regio and `voorwaarde` (SQL over p and r,
    e.g. "r.meetdatum between p.periode_start and p.periode_eind"). -#}
{% macro per_periode(relatie, voorwaarde, perioden=none) -%}
select
    p.*,
    r.* exclude (regio)
from {{ perioden if perioden is not none else ref('dim_periode') }} as p
inner join {{ relatie }} as r
    on r.regio = p.regio
   and ({{ voorwaarde }})
{%- endmacro %}

{#- The §0 dimensions of the events in `gebeurtenissen` (gebeurtenis_dimensies) as the
    rows of a fact model: regio, periode_type, periode_start, periode_eind and then the
    columns `kolommen`, in that order. -#}
{% macro gebeurtenis_rijen(gebeurtenissen, kolommen, terugval_aanmelding=true) -%}
select
    regio,
    periode_type,
    periode_start,
    periode_eind,
    {{ kolommen | join(',\n    ') }}
from (
    {{ gebeurtenis_dimensies(gebeurtenissen, terugval_aanmelding) }}
) as verrijkt
{%- endmacro %}

{#- Rows of marts.indicatoren for one indicator (and variant) from a fact model.

    feiten      relation with regio, periode_type, periode_start and the dimension columns,
                one row per counted unit (a person, an episode, an aanmelding, ...)
    indicator   code, e.g. 'D.1.3'; its family (the part before the first dot) decides
                which regions get rows (config.regio_indicatorfamilies)
    dimensies   dimension columns; each becomes dimensie = column name, dimensie_waarde =
                its value (NULL -> 'Onbekend')
    maat        aantal | som | gemiddelde | mediaan | percentage (§6):
                  aantal      teller = n,           noemer NULL, waarde = n
                  som         teller = sum(x),      noemer NULL, waarde = sum(x)
                  gemiddelde  teller = sum(x),      noemer = n,  waarde = mean(x)
                  mediaan     teller NULL,          noemer = n,  waarde = median(x)
                  percentage  teller = count(x true), noemer = n, waarde = 100 * teller / noemer
                (x = meetwaarde, an expression over the fact's columns; n counts non-NULL x)
    eenheid     aantal | percentage | dagen | uren | euro | score
    variant     '' or the variant code; filter: optional SQL condition on the facts

    Every region with the family gets a total row (dimensie = '') for every period of
    dim_periode, also when nothing was counted (aantal/som 0; otherwise noemer 0 and
    waarde NULL); dimension rows exist for the values that occur. norm comes from
    config.regio_normen (region, indicator); status = 'voldoet' when waarde >= norm,
    'voldoet niet' when below, NULL without norm or value. -#}
{% macro indicator_rijen(feiten, indicator, dimensies, maat='aantal', meetwaarde=none, eenheid='aantal', variant='', filter=none) -%}
    {%- set familie = indicator.split('.')[0] -%}
    {%- set x = '__meetwaarde' -%}
    {#- Sums are exact (DECIMAL) and only then a double: a sum of doubles depends on the
        order the parallel aggregation adds them in, and a figure must come out the same
        on every run (reproduction, re-deliveries). -#}
    {%- set som = exacte_som(x) | trim -%}
    {%- set aggregaten = {
        'aantal':     ['count(*)', 'null', 'count(*)'],
        'som':        [som, 'null', som],
        'gemiddelde': [som, 'count(' ~ x ~ ')', som ~ ' / count(' ~ x ~ ')'],
        'mediaan':    ['null', 'count(' ~ x ~ ')', 'median(' ~ x ~ ')'],
        'percentage': ['count_if(' ~ x ~ ')', 'count(' ~ x ~ ')', '100.0 * count_if(' ~ x ~ ') / nullif(count(' ~ x ~ '), 0)'],
    } -%}
    {%- if maat not in aggregaten -%}
        {{ exceptions.raise_compiler_error("indicator_rijen(" ~ indicator ~ "): onbekende maat '" ~ maat ~ "'") }}
    {%- endif -%}
    {%- if maat != 'aantal' and meetwaarde is none -%}
        {{ exceptions.raise_compiler_error("indicator_rijen(" ~ indicator ~ "): maat '" ~ maat ~ "' vraagt een meetwaarde") }}
    {%- endif -%}
    {%- set teller, noemer, waarde = aggregaten[maat] -%}
    {%- set nul_bij_leeg = maat in ('aantal', 'som') -%}
select
    regio, indicator, variant, periode_type, periode_start, periode_eind,
    dimensie, dimensie_waarde, teller, noemer, waarde, eenheid, norm,
    {{ status_tegen_norm('waarde', 'norm') }} as status
from (
    select
        p.regio,
        '{{ indicator }}' as indicator,
        '{{ variant }}' as variant,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        coalesce(g.dimensie, '') as dimensie,
        coalesce(g.dimensie_waarde, '') as dimensie_waarde,
        cast({{ 'coalesce(g.teller, 0)' if maat != 'mediaan' else 'g.teller' }} as double) as teller,
        cast({{ 'g.noemer' if nul_bij_leeg else 'coalesce(g.noemer, 0)' }} as double) as noemer,
        cast({{ 'coalesce(g.waarde, 0)' if nul_bij_leeg else 'g.waarde' }} as double) as waarde,
        '{{ eenheid }}' as eenheid,
        n.norm
    from {{ ref('dim_periode') }} as p
    left join (
        select
            regio, periode_type, periode_start,
            '' as dimensie, '' as dimensie_waarde,
            {{ teller }} as teller, {{ noemer }} as noemer, {{ waarde }} as waarde
        from (
            select f.*, {{ meetwaarde if meetwaarde is not none else 'null' }} as {{ x }}
            from {{ feiten }} as f
            {% if filter %}where {{ filter }}{% endif %}
        )
        group by regio, periode_type, periode_start
        {%- if dimensies %}
        union all
        select
            regio, periode_type, periode_start,
            dimensie, dimensie_waarde,
            {{ teller }} as teller, {{ noemer }} as noemer, {{ waarde }} as waarde
        from (
            unpivot (
                select
                    f.regio, f.periode_type, f.periode_start,
                    {{ meetwaarde if meetwaarde is not none else 'null' }} as {{ x }},
                    {%- for d in dimensies %}
                    coalesce(cast(f.{{ d }} as varchar), 'Onbekend') as {{ d }}{{ ',' if not loop.last }}
                    {%- endfor %}
                from {{ feiten }} as f
                {% if filter %}where {{ filter }}{% endif %}
            )
            on {{ dimensies | join(', ') }}
            into name dimensie value dimensie_waarde
        )
        group by regio, periode_type, periode_start, dimensie, dimensie_waarde
        {%- endif %}
    ) as g
        on g.regio = p.regio
       and g.periode_type = p.periode_type
       and g.periode_start = p.periode_start
    left join {{ source('config', 'regio_normen') }} as n
        on n.regio = p.regio
       and n.indicator = '{{ indicator }}'
    where exists (
        select 1
        from {{ source('config', 'regio_indicatorfamilies') }} as fam
        where fam.regio = p.regio
          and fam.familie = '{{ familie }}'
    )
)
{%- endmacro %}

{#- Common §0 dimensions of an event (or of a person in a period), as a SELECT over the
    relation `gebeurtenissen`, which must have the columns
        regio, periode_start, periode_eind, persoon_key,
        gebeurtenis_datum   the event date (for the fallback aanmelding),
        leeftijd_datum      date the age is taken on (p_start, or the event date),
        geboortedatum, geslacht, aanmaakdatum          (the person, int_regio_personen)
        aanmelding_gevonden, gemeente_herkomst, reden_aanmelding, hoofdprobleem,
        oorzaak_instroom    (the event trajectory's linked aanmelding),
        systeemcasus, gemeente_opvang                  (the event trajectory),
        opvang              'lokaal' (an Opvang lokaal period active in P), 'centraal'
                            (Centrale opvang / Nachtopvang), or NULL;
    and returns all its columns with these replaced or added (missing -> 'Onbekend'):
        gemeente_herkomst, reden_aanmelding, hoofdprobleem, oorzaak_instroom  from the
            linked aanmelding when it exists, else from the person's latest aanmelding on
            or before gebeurtenis_datum at the region's providers (int_regio_aanmeldingen)
            (terugval_aanmelding=false: only from the linked aanmelding, for callers whose
            every event has one — the ASOF join over int_regio_aanmeldingen is then left out)
        geslacht, leeftijdsgroep (on leeftijd_datum), nieuw_bekend ('Nieuw' when
        aanmaakdatum lies in P), gemeente_opvang, soort_opvang. -#}
{% macro gebeurtenis_dimensies(gebeurtenissen, terugval_aanmelding=true) -%}
    {%- set leeftijdsgroep_sql = leeftijdsgroep('g.geboortedatum', 'g.leeftijd_datum') -%}
select
    g.* exclude (gemeente_herkomst, reden_aanmelding, hoofdprobleem, oorzaak_instroom, geslacht, gemeente_opvang),
    {%- for veld in ['gemeente_herkomst', 'reden_aanmelding', 'hoofdprobleem', 'oorzaak_instroom'] %}
    {%- if terugval_aanmelding %}
    coalesce(
        case when g.aanmelding_gevonden then g.{{ veld }} else a.{{ veld }} end,
        'Onbekend'
    ) as {{ veld }},
    {%- else %}
    coalesce(g.{{ veld }}, 'Onbekend') as {{ veld }},
    {%- endif %}
    {%- endfor %}
    coalesce(g.geslacht, 'Onbekend') as geslacht,
    {{ leeftijdsgroep_sql }} as leeftijdsgroep,
    case
        when g.aanmaakdatum is null then 'Onbekend'
        when g.aanmaakdatum between g.periode_start and g.periode_eind then 'Nieuw'
        else 'Reeds bekend'
    end as nieuw_bekend,
    coalesce(g.gemeente_opvang, 'Onbekend') as gemeente_opvang,
    case g.opvang
        when 'lokaal' then
            case
                when g.systeemcasus then 'Decentrale opvang gezin'
                when {{ leeftijdsgroep_sql }} = 'Jongere' then 'Decentrale opvang jongere'
                else 'Decentrale opvang alleenstaande'
            end
        when 'centraal' then 'Regionale / centrale opvang'
        else 'Geen opvang'
    end as soort_opvang
from {{ gebeurtenissen }} as g
{%- if terugval_aanmelding %}
asof left join {{ ref('int_regio_aanmeldingen') }} as a
    on a.regio = g.regio
   and a.persoon_key = g.persoon_key
   and g.gebeurtenis_datum >= a.aanmeldingsdatum
{%- endif %}
{%- endmacro %}


{#- Status of a figure against its norm (indicatoren.md §6): 'voldoet' when waarde ≥ norm,
    'voldoet niet' when below, NULL without norm or value. -#}
{% macro status_tegen_norm(waarde, norm) -%}
case
        when {{ norm }} is null or {{ waarde }} is null then null
        when {{ waarde }} >= {{ norm }} then 'voldoet'
        else 'voldoet niet'
    end
{%- endmacro %}


{#- sum(expr) computed exactly (DECIMAL), as a double: a sum of doubles depends on the
    order the parallel aggregation adds them in; a figure must not. -#}
{% macro exacte_som(expr) -%}
cast(sum(cast({{ expr }} as decimal(38, 6))) as double)
{%- endmacro %}
