-- D.1.5 Wachtlijst decentrale opvang op peildatum: per region and period, one row per
-- person on the waiting list for `Opvang lokaal` on min(p_end, peildatum)
-- (int_wachtlijst_stand).
select *
from {{ ref('int_wachtlijst_stand') }}
where voorziening = 'Opvang lokaal'
