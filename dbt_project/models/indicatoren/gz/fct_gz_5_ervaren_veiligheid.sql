-- GZ.5 Ervaren veiligheid (indicatoren.md §4): per region and period one row per
-- tevredenheid row of a Gezinsopvang person (int_hf_gz_tevredenheid) with meetdatum in P.
-- beantwoord: ervaren_veiligheid is answered (unanswered rows are left out of the
-- indicator); veilig: ervaren_veiligheid `ja`.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    r.* exclude (regio, doelgroep),
    r.ervaren_veiligheid is not null as beantwoord,
    r.ervaren_veiligheid as veilig
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_hf_gz_tevredenheid') }} as r
    on r.regio = p.regio
   and r.doelgroep = 'Gezinsopvang'
   and r.meetdatum between p.periode_start and p.periode_eind
