-- Data quality (BZ.1): woonvorm periods with a locatie_id that is not in the provider's
-- voorzieningen. Their days are in no locatie's bezetting.
with gevallen as (
    select regio, aanbieder_code
    from {{ ref('int_regio_woonvorm_perioden') }}
    where locatie_id is not null
      and not locatie_bekend
)
{{ dq_teller('BZ', 'bz_locatie_onbekend',
    'Woonvormperioden met een locatie_id die niet in voorzieningen staat: niet meegeteld in de bezetting (BZ.1)', 'gevallen') }}
