-- Data quality (BZ.1): voorzieningen rows whose validity overlaps that of another row of
-- the same locatie. The capacity of the overlapping days is counted twice.
with gevallen as (
    select distinct a.regio, a.aanbieder_code, a.voorziening_key
    from {{ ref('int_regio_voorzieningen') }} as a
    inner join {{ ref('int_regio_voorzieningen') }} as b
        on b.regio = a.regio
       and b.aanbieder_code = a.aanbieder_code
       and b.locatie_id = a.locatie_id
       and b.voorziening_key <> a.voorziening_key
       and {{ actief_in('b.geldig_van', 'b.geldig_tot', 'a.geldig_van', "coalesce(a.geldig_tot, date '9999-12-31')") }}
)
{{ dq_teller('BZ', 'bz_geldigheid_overlapt',
    'Regels in voorzieningen waarvan de geldigheid overlapt met een andere regel van dezelfde locatie: die capaciteit telt dubbel (BZ.1)', 'gevallen') }}
