{#- Staging helpers: the rows of each provider's actuele delivery, normalised codes and
    gemeente codes. One macro per job, used by every stg_<file> model. -#}

{#- FROM clause of a staging model: the raw table `bron` (alias r) restricted to the
    actuele delivery of each provider (stg_leveringen.is_actueel), with the delivery as l
    (l.aanbieder_code). -#}
{% macro uit_actuele_levering(bron) -%}
    {{ bron }} as r
    inner join {{ ref('stg_leveringen') }} as l
        on l.levering_id = r.levering_id
       and l.is_actueel
{%- endmacro %}

{#- The meta columns every staging model starts with: levering_id, bestand, regel,
    aanbieder_code (the column order the validation suites expect). -#}
{% macro meta_kolommen() -%}
    r.levering_id,
    r.bestand,
    r.regel,
    l.aanbieder_code
{%- endmacro %}

{#- A delivered code normalised against code list `lijst` (source config.codelijsten):
    matched case-insensitively ignoring surrounding spaces -> the list's canonical
    spelling; empty/NULL -> NULL; any other value -> 'Onbekend' (aanlevering.md §5).
    The lookup is an equality subquery on a tiny table, which DuckDB decorrelates into a
    hash join over the distinct delivered values. -#}
{% macro normaliseer_code(kolom, lijst, bron='r') -%}
    case
        when nullif(trim({{ bron }}.{{ kolom }}), '') is null then null
        else coalesce(
            (
                select __code.waarde
                from {{ ref('stg_codelijsten') }} as __code
                where __code.lijst = '{{ lijst }}'
                  and __code.sleutel = lower(trim({{ bron }}.{{ kolom }}))
            ),
            'Onbekend'
        )
    end
{%- endmacro %}

{#- Lookup key of a gemeente value: any CBS code form (GM0484, gm484, 0484, 484) becomes
    'gm' + four digits; anything else is the lower-cased, trimmed name. Used on both sides
    of the lookup (stg_gemeente_sleutels and gemeente_code). -#}
{% macro gemeente_sleutel(expressie) -%}
    case
        when regexp_full_match(lower(trim({{ expressie }})), '(gm)?[0-9]{1,4}')
            then 'gm' || lpad(regexp_replace(lower(trim({{ expressie }})), '^gm', ''), 4, '0')
        else lower(trim({{ expressie }}))
    end
{%- endmacro %}

{#- A delivered gemeente (CBS code in any form, or gemeentenaam, case-insensitive) as its
    CBS code GMnnnn via the cbs_gemeenten seed; NULL/empty stays NULL; a value that maps
    to no gemeente -> 'Onbekend'. -#}
{% macro gemeente_code(kolom, bron='r') -%}
    case
        when nullif(trim({{ bron }}.{{ kolom }}), '') is null then null
        else coalesce(
            (
                select __gem.gemeentecode
                from {{ ref('stg_gemeente_sleutels') }} as __gem
                where __gem.sleutel = {{ gemeente_sleutel(bron ~ '.' ~ kolom) }}
            ),
            'Onbekend'
        )
    end
{%- endmacro %}
