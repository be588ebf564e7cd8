-- Data-quality counter eindmeting_niet_na_nulmeting: per region with indicator family A
-- and each of its providers with a delivery, the number of trajectories whose latest
-- eindmeting (the A.1 variant lang, int_zrm_paren) is dated on or before their nulmeting.
-- indicatoren.md takes the latest eindmeting whatever its date, so these pairs are
-- counted in A.1 lang as defined; the counter makes a probable date error visible.
-- One row per region and provider, also when 0.
with gevallen as (
    select aanbieder_code
    from {{ ref('int_zrm_paren') }}
    where lang_datum <= nulmeting_datum
)
{{ dq_teller('A', 'eindmeting_niet_na_nulmeting',
    'Trajecten waarvan de laatste ZRM-eindmeting niet na de nulmeting ligt: wel meegeteld in A.1.1 (lang); datum controleren', 'gevallen', per_regio=false) }}
