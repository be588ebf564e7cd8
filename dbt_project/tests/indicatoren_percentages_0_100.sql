{{ config(meta={'dagster': {'ref': {'name': 'indicatoren'}}}) }}
-- Every percentage lies within 0–100 and agrees with its teller and noemer
-- (indicatoren.md §0 and §6); a denominator of 0 gives NULL. Returns offending rows.
select *
from {{ ref('indicatoren') }}
where eenheid = 'percentage'
  and (
        waarde < 0
     or waarde > 100
     or (noemer = 0 and waarde is not null)
     or (noemer > 0 and abs(waarde - 100.0 * teller / noemer) > 1e-9)
     or teller > noemer
  )
