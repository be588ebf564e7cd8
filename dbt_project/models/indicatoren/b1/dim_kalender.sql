-- The werkdagen calendar (Algemene termijnenwet, indicatoren.md §0): one row per date
-- from var('kalender_van') to var('kalender_tot') (default 1980-01-01 to 2099-12-31,
-- a fixed range that covers every plausible delivery date). No personal data: in marts.
{{ config(schema='marts') }}
{{ kalender(var('kalender_van', '1980-01-01'), var('kalender_tot', '2099-12-31')) }}
