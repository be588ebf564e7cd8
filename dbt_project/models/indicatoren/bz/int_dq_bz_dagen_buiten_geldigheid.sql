-- Data quality (BZ.1): woonvorm periods at a known locatie with at least one day (up to
-- the region's peildatum) on which no voorzieningen row of that locatie is valid. Those
-- days count as occupied (indicatoren.md §2) without capacity beside them.
with perioden as (
    select
        w.regio,
        w.aanbieder_code,
        w.locatie_id,
        w.periode_key,
        w.startdatum,
        least(coalesce(w.einddatum, r.peildatum), r.peildatum) as eind
    from {{ ref('int_regio_woonvorm_perioden') }} as w
    inner join {{ ref('int_regio_peildatum') }} as r
        on r.regio = w.regio
    where w.locatie_bekend
      and w.startdatum <= r.peildatum
),
gedekt as (
    select
        p.regio,
        p.aanbieder_code,
        p.periode_key,
        any_value(p.eind - p.startdatum + 1) as dagen,
        coalesce(sum(
            greatest(0, least(p.eind, coalesce(v.geldig_tot, p.eind)) - greatest(p.startdatum, v.geldig_van) + 1)
        ), 0) as dagen_geldig
    from perioden as p
    left join {{ ref('int_regio_voorzieningen') }} as v
        on v.regio = p.regio
       and v.aanbieder_code = p.aanbieder_code
       and v.locatie_id = p.locatie_id
    group by p.regio, p.aanbieder_code, p.periode_key
),
gevallen as (
    select regio, aanbieder_code
    from gedekt
    where dagen_geldig < dagen
)
{{ dq_teller('BZ', 'bz_dagen_buiten_geldigheid',
    'Woonvormperioden met dagen waarop de locatie volgens voorzieningen niet geldig is: die dagen tellen wel als bezet (BZ.1)', 'gevallen') }}
