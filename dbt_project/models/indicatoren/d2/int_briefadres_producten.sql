-- Per region the Briefadres products (producten.product = 'Briefadres') of its providers.
-- A Briefadres product is unique by (traject_id, startdatum) (indicatoren.md D.2; the
-- contract key traject_id + product + startdatum guarantees it within a delivery): a
-- restart in the same trajectory is a new product. With the person key of the product's
-- client, the trajectory's fields (linked aanmelding, systeemcasus, gemeente_opvang) and
-- the person's attributes in the region.
select
    ra.regio,
    p.aanbieder_code || ':' || p.traject_id || ':' || strftime(p.startdatum, '%Y-%m-%d') as product_key,
    p.aanbieder_code,
    p.traject_id,
    p.product_id,
    coalesce(c.persoon_key, p.client_pseudoniem) as persoon_key,
    p.startdatum,
    p.einddatum,
    t.traject_id is not null as traject_gevonden,
    coalesce(t.systeemcasus, false) as systeemcasus,
    t.gemeente_opvang,
    coalesce(t.aanmelding_gevonden, false) as aanmelding_gevonden,
    t.gemeente_herkomst,
    t.reden_aanmelding,
    t.hoofdprobleem,
    t.oorzaak_instroom,
    rp.geboortedatum,
    rp.geslacht,
    rp.aanmaakdatum
from {{ ref('stg_producten') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = p.aanbieder_code
left join {{ ref('int_clienten') }} as c
    on c.aanbieder_code = p.aanbieder_code
   and c.client_pseudoniem = p.client_pseudoniem
left join {{ ref('int_trajecten') }} as t
    on t.aanbieder_code = p.aanbieder_code
   and t.traject_id = p.traject_id
left join {{ ref('int_regio_personen') }} as rp
    on rp.regio = ra.regio
   and rp.persoon_key = coalesce(c.persoon_key, p.client_pseudoniem)
where p.product = 'Briefadres'
