{#- Date helpers shared by every model (indicatoren.md §0). -#}

{#- `datum` plus `maanden` calendar months, as a DATE (DuckDB clamps to the month end:
    31 Aug + 6 months = 28/29 Feb). -#}
{% macro plus_maanden(datum, maanden) -%}
    cast(({{ datum }}) + to_months(cast({{ maanden }} as integer)) as date)
{%- endmacro %}

{#- Age in whole years on `datum` (the birthday itself counts; someone born on 29 Feb
    turns a year older on 1 Mar in non-leap years). NULL when either date is NULL. -#}
{% macro leeftijd(geboortedatum, datum) -%}
    (
        year({{ datum }}) - year({{ geboortedatum }})
        - case
            when month({{ datum }}) * 100 + day({{ datum }})
               < month({{ geboortedatum }}) * 100 + day({{ geboortedatum }})
            then 1 else 0
          end
    )
{%- endmacro %}

{#- leeftijdsgroep on `datum`: 'Jongere' below var leeftijd_jongere_tot (27), else
    'Volwassene'; 'Onbekend' without a date of birth. -#}
{% macro leeftijdsgroep(geboortedatum, datum) -%}
    case
        when {{ geboortedatum }} is null or {{ datum }} is null then 'Onbekend'
        when {{ leeftijd(geboortedatum, datum) }} < {{ var('leeftijd_jongere_tot') }} then 'Jongere'
        else 'Volwassene'
    end
{%- endmacro %}

{#- Interval [start, eind] (eind NULL = open) active in [p_start, p_eind] (§0). -#}
{% macro actief_in(start, eind, p_start, p_eind) -%}
    ({{ start }} <= {{ p_eind }} and ({{ eind }} is null or {{ eind }} >= {{ p_start }}))
{%- endmacro %}
