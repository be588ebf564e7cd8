-- Data quality (BZ.1): stays (woonvorm periods whose woonvorm is a stay) without a
-- locatie_id. They are in BZ.2 but in no locatie's bezetting.
with gevallen as (
    select regio, aanbieder_code
    from {{ ref('int_regio_woonvorm_perioden') }}
    where telt_als_verblijf
      and locatie_id is null
)
{{ dq_teller('BZ', 'bz_verblijf_zonder_locatie',
    'Verblijven zonder locatie_id: niet meegeteld in de bezetting (BZ.1)', 'gevallen') }}
