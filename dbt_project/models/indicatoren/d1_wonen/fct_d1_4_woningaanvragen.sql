-- D.1.4 Tijd tussen aanvraag (contingent)woning en verhuizing: per region and period, one
-- row per woningaanvraag of the region's providers whose verhuisdatum lies in P, with the
-- days from aanvraagdatum to verhuisdatum (every soort: contingent, urgentie, regulier;
-- soort is a dimension). The contract quarantines a verhuisdatum before the aanvraagdatum.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    w.levering_id || ':' || w.regel as aanvraag_key,
    w.aanbieder_code,
    coalesce(c.persoon_key, w.client_pseudoniem) as persoon_key,
    coalesce(w.soort, 'Onbekend') as soort,
    w.aanvraagdatum,
    w.verhuisdatum,
    w.verhuisdatum - w.aanvraagdatum as dagen
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_woningaanvragen') }} as w
    on w.aanbieder_code = ra.aanbieder_code
   and w.verhuisdatum between p.periode_start and p.periode_eind
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = w.aanbieder_code
   and c.client_pseudoniem = w.client_pseudoniem
