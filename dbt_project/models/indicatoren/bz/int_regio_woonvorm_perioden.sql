-- Per region the woonvorm periods of its providers (int_woonvorm_perioden), one row per
-- delivered woonvormen row, with
--   telt_als_verblijf   the woonvorm is a stay for BZ.2 (seed verblijfsvormen)
--   locatie_bekend      the period's locatie_id is a locatie in the provider's
--                       voorzieningen (BZ.1)
--   locatie             that locatie's label as in BZ.1 (int_regio_voorzieningen:
--                       "naam (locatie_id)"); 'Onbekend' without locatie_id or with a
--                       locatie_id that is not in voorzieningen
--   the period's trajectory fields (delivered or derived traject_id; systeemcasus false
--   when unknown) and the person's attributes in the region (int_regio_personen), for
--   gebeurtenis_dimensies. The source of int_decentrale_opvang_perioden (D.1) and
--   int_mo_verblijven (MO).
with locaties as (
    select distinct regio, aanbieder_code, locatie_id, locatie
    from {{ ref('int_regio_voorzieningen') }}
),
perioden as (
    select
        ra.regio,
        w.periode_key,
        w.aanbieder_code,
        w.persoon_key,
        w.traject_id,
        w.woonvorm,
        w.locatie_id,
        w.startdatum,
        w.einddatum,
        coalesce(v.telt_als_verblijf, false) as telt_als_verblijf,
        l.locatie_id is not null as locatie_bekend,
        coalesce(l.locatie, 'Onbekend') as locatie,
        coalesce(w.systeemcasus, false) as systeemcasus,
        w.gemeente_opvang,
        w.uitstroom_woonvorm,
        w.uitstroom_ggd,
        w.uitstroom_gemeente,
        w.aanmelding_gevonden,
        w.gemeente_herkomst,
        w.reden_aanmelding,
        w.hoofdprobleem,
        w.oorzaak_instroom
    from {{ ref('int_woonvorm_perioden') }} as w
    inner join {{ ref('int_regio_aanbieders') }} as ra
        on ra.aanbieder_code = w.aanbieder_code
    left join {{ ref('verblijfsvormen') }} as v
        on v.woonvorm = w.woonvorm
    left join locaties as l
        on l.regio = ra.regio
       and l.aanbieder_code = w.aanbieder_code
       and l.locatie_id = w.locatie_id
)
{{ met_persoonskenmerken('perioden') }}
