-- E.1.1 Kosten (euro, sum): halfjaar periods from the H1/H2 rows, jaar periods from the
-- jaar rows (0 when none were delivered). Kosten are not delivered per quarter: the
-- kwartaal total rows exist (§6) with teller and waarde NULL (not known, not 0).
select * replace (
    case when periode_type = 'kwartaal' then null else teller end as teller,
    case when periode_type = 'kwartaal' then null else waarde end as waarde
)
from (
{{ indicator_rijen(ref('fct_e1_1_kosten'), 'E.1.1', ['financiering', 'module_groep', 'financiering_module_groep'],
    maat='som', meetwaarde='bedrag', eenheid='euro') }}
)
