{#- Werkdagen by the Algemene termijnenwet (indicatoren.md §0) and the calendar model
    dim_kalender built from them. No holiday library: general libraries treat 5 May as a
    holiday only in lustrum years, the law counts it every year. -#}

{#- Easter Sunday per year by the Gregorian computus (the anonymous Gregorian algorithm,
    Meeus/Jones/Butcher), as a SELECT over the relation `jaren` (column jaar) returning
    (jaar, paasdag). Integer arithmetic only; DuckDB lets each column use the ones before
    it. -#}
{% macro paasdagen(jaren) -%}
select
    jaar,
    make_date(jaar, maand, dag) as paasdag
from (
    select
        jaar,
        jaar % 19 as a,
        jaar // 100 as b,
        jaar % 100 as c,
        b // 4 as d,
        b % 4 as e,
        (b + 8) // 25 as f,
        (b - f + 1) // 3 as g,
        (19 * a + b - d - g + 15) % 30 as h,
        c // 4 as i,
        c % 4 as k,
        (32 + 2 * e + 2 * i - h - k) % 7 as l,
        (a + 11 * h + 22 * l) // 451 as m,
        (h + l - 7 * m + 114) // 31 as maand,
        (h + l - 7 * m + 114) % 31 + 1 as dag
    from (select distinct cast(jaar as integer) as jaar from {{ jaren }})
)
{%- endmacro %}

{#- The calendar from `van` to `tot` (ISO date strings, both inclusive) as a SELECT with
    one row per date:
        datum
        feestdag       Dutch name of the algemeen erkende feestdag (Algemene termijnenwet
                       art. 3) on that date, NULL on other days; two on one date are joined
                       with ' / ' (e.g. 2016-05-05 'Bevrijdingsdag / Hemelvaartsdag')
        is_werkdag     not a Saturday, not a Sunday, not a feestdag
        werkdagnummer  running count of werkdagen from `van` up to and including datum, so
                       that the werkdagen d with a < d <= b number
                       werkdagnummer(b) - werkdagnummer(a)
    Feestdagen: Nieuwjaarsdag, Goede Vrijdag (Easter - 2), Tweede Paasdag (Easter + 1),
    Koningsdag (27 April, 26 April when 27 April is a Sunday; from 2014), 5 mei
    (Bevrijdingsdag, every year), Hemelvaartsdag (Easter + 39), Tweede Pinksterdag
    (Easter + 50), Eerste and Tweede Kerstdag. Before 2014 the king's day was Koninginnedag:
    30 April, 29 April when 30 April is a Sunday (1980-2013); earlier years are refused. -#}
{% macro kalender(van, tot) -%}
    {%- if (van | string) < '1980-01-01' -%}
        {{ exceptions.raise_compiler_error("kalender: begindatum " ~ van ~ " ligt vóór 1980; de regel voor Koninginnedag vóór 1980 is niet ingebouwd") }}
    {%- endif -%}
    {%- if (van | string) > (tot | string) -%}
        {{ exceptions.raise_compiler_error("kalender: begindatum " ~ van ~ " ligt na einddatum " ~ tot) }}
    {%- endif -%}
with dagen as (
    select cast(unnest(generate_series(date '{{ van }}', date '{{ tot }}', interval 1 day)) as date) as datum
),
jaren as (
    select distinct cast(year(datum) as integer) as jaar
    from dagen
),
pasen as (
    {{ paasdagen('jaren') }}
),
feestdagen as (
    select make_date(jaar, 1, 1) as datum, 'Nieuwjaarsdag' as naam from jaren
    union all
    select paasdag - 2, 'Goede Vrijdag' from pasen
    union all
    select paasdag + 1, 'Tweede Paasdag' from pasen
    union all
    select
        case
            when jaar >= 2014 then
                case when isodow(make_date(jaar, 4, 27)) = 7 then make_date(jaar, 4, 26) else make_date(jaar, 4, 27) end
            else
                case when isodow(make_date(jaar, 4, 30)) = 7 then make_date(jaar, 4, 29) else make_date(jaar, 4, 30) end
        end,
        case when jaar >= 2014 then 'Koningsdag' else 'Koninginnedag' end
    from jaren
    union all
    select make_date(jaar, 5, 5), 'Bevrijdingsdag' from jaren
    union all
    select paasdag + 39, 'Hemelvaartsdag' from pasen
    union all
    select paasdag + 50, 'Tweede Pinksterdag' from pasen
    union all
    select make_date(jaar, 12, 25), 'Eerste Kerstdag' from jaren
    union all
    select make_date(jaar, 12, 26), 'Tweede Kerstdag' from jaren
),
feestdag_per_datum as (
    select datum, string_agg(naam, ' / ' order by naam) as feestdag
    from feestdagen
    group by datum
),
dagsoort as (
    select
        d.datum,
        f.feestdag,
        isodow(d.datum) <= 5 and f.feestdag is null as is_werkdag
    from dagen as d
    left join feestdag_per_datum as f
        on f.datum = d.datum
)
select
    datum,
    feestdag,
    is_werkdag,
    cast(sum(case when is_werkdag then 1 else 0 end) over (order by datum rows between unbounded preceding and current row) as integer) as werkdagnummer
from dagsoort
{%- endmacro %}

{#- Number of werkdagen d with `van` < d <= `tot` (dim_kalender.werkdagnummer of `tot`
    minus that of `van`); negative when `tot` lies before `van`; NULL when either date is
    NULL or outside dim_kalender. Pass qualified column references (alias.kolom): a bare
    name that dim_kalender also has (datum, ...) would bind to the calendar. Two equality
    lookups that DuckDB turns into hash joins. -#}
{% macro werkdagen_tussen(van, tot) -%}
    (
        (select __kt.werkdagnummer from {{ ref('dim_kalender') }} as __kt where __kt.datum = {{ tot }})
        - (select __kv.werkdagnummer from {{ ref('dim_kalender') }} as __kv where __kv.datum = {{ van }})
    )
{%- endmacro %}

{#- ---- B.1 tijdigheid (the aanmelding as the counted unit) ---- -#}

{#- The dimensions of B.1.1 and B.1.2: the §0 dimensions that apply to an aanmelding. -#}
{% macro dimensies_b1() -%}
    {{ return(['gemeente_herkomst', 'leeftijdsgroep', 'reden_aanmelding', 'hoofdprobleem',
               'oorzaak_instroom', 'geslacht', 'nieuw_bekend']) }}
{%- endmacro %}

{#- The columns of an aanmelding (int_aanmeldingen, alias `a`) that aanmelding_feiten needs
    besides regio and the person's attributes: one list for every model that feeds it. -#}
{% macro aanmelding_velden(a='a') -%}
    {{ a }}.aanbieder_code,
        {{ a }}.aanmelding_id,
        {{ a }}.persoon_key,
        {{ a }}.aanmeldingsdatum,
        {{ a }}.gemeente_herkomst,
        {{ a }}.reden_aanmelding,
        {{ a }}.hoofdprobleem,
        {{ a }}.oorzaak_instroom
{%- endmacro %}

{#- Fact rows of an indicator over aanmeldingen: a SELECT with one row per region, period
    (dim_periode) and row of `aanmeldingen` whose `datumkolom` lies in P. `aanmeldingen`
    needs the columns regio, aanbieder_code, aanmelding_id, persoon_key, aanmeldingsdatum,
    gemeente_herkomst, reden_aanmelding, hoofdprobleem, oorzaak_instroom, geboortedatum,
    geslacht, aanmaakdatum and those named in `kolommen`. The aanmelding is the event:
    its own gemeente_herkomst and aanleiding (no fallback), leeftijdsgroep on the
    aanmeldingsdatum, nieuw_bekend against P (gebeurtenis_dimensies). Returns regio,
    periode_type, periode_start, periode_eind, aanbieder_code, aanmelding_id, persoon_key,
    aanmeldingsdatum, `kolommen`, op_tijd (= the expression `op_tijd`) and the
    dimensies_b1() columns. -#}
{% macro aanmelding_feiten(aanmeldingen, datumkolom, op_tijd, kolommen=[]) -%}
with gebeurtenissen as (
    select
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        a.*,
        {{ op_tijd }} as op_tijd,
        a.aanmeldingsdatum as gebeurtenis_datum,
        a.aanmeldingsdatum as leeftijd_datum,
        true as aanmelding_gevonden,
        cast(null as boolean) as systeemcasus,
        cast(null as varchar) as gemeente_opvang,
        cast(null as varchar) as opvang
    from {{ ref('dim_periode') }} as p
    inner join {{ aanmeldingen }} as a
        on a.regio = p.regio
       and a.{{ datumkolom }} between p.periode_start and p.periode_eind
)
{{ gebeurtenis_rijen('gebeurtenissen', ['aanbieder_code', 'aanmelding_id', 'persoon_key', 'aanmeldingsdatum'] + kolommen + ['op_tijd'] + dimensies_b1(), terugval_aanmelding=false) }}
{%- endmacro %}

