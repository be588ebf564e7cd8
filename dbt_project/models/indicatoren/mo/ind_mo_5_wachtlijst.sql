-- MO.5: persons on the waiting list for C or D on min(p_end, peildatum); the total counts
-- a person once, the dimension voorziening once per list.
{{ indicator_rijen(ref('fct_mo_5_wachtlijst'), 'MO.5', [], filter='telt_persoon') }}
union all
select * from (
    {{ indicator_rijen(ref('fct_mo_5_wachtlijst'), 'MO.5', ['voorziening']) }}
) where dimensie <> ''
