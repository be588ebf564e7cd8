-- HF.3 Periodieke voortgangsbeoordeling (indicatoren.md §3): per region and period one row
-- per (Housing First trajectory, calendar quarter Q inside P) where the trajectory was
-- active on at least 30 days of Q (start and end inclusive; open = active to the end of
-- Q). A halfjaar holds two quarters, a jaar four. beoordeeld: voortgang has a row of that
-- trajectory (same provider) dated in Q. openstaand: Q ends after the region's peildatum,
-- so the quarter's assessment may still come; those pairs are left out of the indicator
-- (not failures) and counted as pending.
with kwartalen as (
    select
        p.regio,
        p.periode_type,
        p.periode_start,
        p.periode_eind,
        p.regio_peildatum,
        cast(unnest(generate_series(p.periode_start, p.periode_eind, interval 3 month)) as date) as kwartaal_start
    from {{ ref('dim_periode') }} as p
),
kwartaal_perioden as (
    select
        *,
        cast({{ plus_maanden('kwartaal_start', 3) }} - interval 1 day as date) as kwartaal_eind
    from kwartalen
),
paren as (
    {{ per_periode(ref('int_hf_gz_trajecten'),
        "r.doelgroep = 'Housing First' and " ~ actief_in('r.startdatum', 'r.einddatum', 'p.kwartaal_start', 'p.periode_eind'),
        perioden='kwartaal_perioden') }}
),
actief as (
    select
        *,
        least(coalesce(einddatum, kwartaal_eind), kwartaal_eind) - greatest(startdatum, kwartaal_start) + 1 as actieve_dagen
    from paren
)
select
    a.regio,
    a.periode_type,
    a.periode_start,
    a.periode_eind,
    a.kwartaal_start,
    a.kwartaal_eind,
    a.aanbieder_code,
    a.traject_id,
    a.persoon_key,
    a.startdatum,
    a.einddatum,
    a.actieve_dagen,
    exists (
        select 1
        from {{ ref('stg_voortgang') }} as v
        where v.aanbieder_code = a.aanbieder_code
          and v.traject_id = a.traject_id
          and v.datum between a.kwartaal_start and a.kwartaal_eind
    ) as beoordeeld,
    a.kwartaal_eind > a.regio_peildatum as openstaand,
    a.gemeente_herkomst,
    a.leeftijdsgroep,
    a.geslacht
from actief as a
where a.actieve_dagen >= 30
