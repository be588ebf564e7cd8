-- marts.hf_stoplicht: the Housing First stoplicht list for the analyst (indicatoren.md §3
-- HF.6): per region with indicator family HF one row per Housing First trajectory active
-- on the region's peildatum, with its latest stoplicht on that day (fct_hf_6_stoplicht,
-- the quarter holding the peildatum). Pseudonymous: persoon_key, no client or traject id.
--   weken_lopend          whole weeks from traject_start to the peildatum
--   maximum_dagen         the region's max_verblijf_dagen for `Housing First woning`
--                         (regios.yml), else 728 (104 weeks)
--   langer_dan_104_weken  dagen_lopend > maximum_dagen (exactly the maximum is not over it)
{{ config(schema='marts') }}
select
    s.regio,
    s.regio_peildatum as peildatum,
    s.aanbieder_code,
    s.persoon_key,
    s.startdatum as traject_start,
    s.regio_peildatum - s.startdatum as dagen_lopend,
    cast(floor((s.regio_peildatum - s.startdatum) / 7) as integer) as weken_lopend,
    s.laatste_stoplicht,
    s.laatste_stoplicht_datum,
    coalesce(m.max_verblijf_dagen, 728) as maximum_dagen,
    s.regio_peildatum - s.startdatum > coalesce(m.max_verblijf_dagen, 728) as langer_dan_104_weken
from {{ ref('fct_hf_6_stoplicht') }} as s
left join {{ ref('int_regio_max_verblijf') }} as m
    on m.regio = s.regio
   and m.woonvorm = 'Housing First woning'
where s.periode_type = 'kwartaal'
  and s.peilmoment = s.regio_peildatum
  and exists (
      select 1
      from {{ source('config', 'regio_indicatorfamilies') }} as f
      where f.regio = s.regio
        and f.familie = 'HF'
  )
order by s.regio, s.aanbieder_code, s.startdatum, s.persoon_key
