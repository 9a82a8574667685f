-- approve: add a submission's values on every ancestor (sign +1)
-- params: [1,1,42]
INSERT INTO value_rollups AS r (unit_id, period, data_element_id, option, total, reporters)
SELECT a.id::int, v.period, v.data_element_id, v.option, sum(v.value) * $1, (count(*) * $2)::int
FROM data_values v
JOIN units u ON u.id = v.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE v.submission_id = $3
GROUP BY a.id, v.period, v.data_element_id, v.option
ORDER BY 1, 2, 3, 4
ON CONFLICT (unit_id, period, data_element_id, option)
DO UPDATE SET total = r.total + excluded.total, reporters = r.reporters + excluded.reporters;

-- reopen: subtract them (sign -1)
-- params: [-1,-1,42]
INSERT INTO value_rollups AS r (unit_id, period, data_element_id, option, total, reporters)
SELECT a.id::int, v.period, v.data_element_id, v.option, sum(v.value) * $1, (count(*) * $2)::int
FROM data_values v
JOIN units u ON u.id = v.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE v.submission_id = $3
GROUP BY a.id, v.period, v.data_element_id, v.option
ORDER BY 1, 2, 3, 4
ON CONFLICT (unit_id, period, data_element_id, option)
DO UPDATE SET total = r.total + excluded.total, reporters = r.reporters + excluded.reporters;

-- reopen: drop rows no approved value feeds
-- params: [42]
DELETE FROM value_rollups r
USING data_values v
JOIN units u ON u.id = v.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE v.submission_id = $1
  AND r.unit_id = a.id::int AND r.period = v.period AND r.data_element_id = v.data_element_id
  AND r.option = v.option AND r.reporters = 0;

-- dashboard read: a unit's consolidated components
-- params: [7,"2024","2024C"]
SELECT de.code, r.period, r.option, r.total::text AS total, r.reporters
FROM value_rollups r JOIN data_elements de ON de.id = r.data_element_id
WHERE r.unit_id = $1 AND r.period IN ($2, $3)
ORDER BY de.code, r.period, r.option;

-- % of units: approved values per reporter in a subtree
-- params: ["/1/97/%","2024","2024Q1","TIN_BAI_BDG"]
SELECT CASE WHEN s.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || s.agency_id END AS reporter,
  v.period, de.code, v.option, v.value::text AS value
FROM data_values v
JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
JOIN units u ON u.id = v.unit_id
JOIN data_elements de ON de.id = v.data_element_id
WHERE u.path LIKE $1
  AND v.period IN ($2, $3)
  AND de.code IN ($4)
ORDER BY 1, 2, 3, 4;

-- % of units, approve/reopen: move meeting/reporting on every ancestor by a reporter's change
-- params: [1234,"2024","countOfUnits|quarter|#{TIN_BAI_BDG} >= 4",1,1]
INSERT INTO condition_rollups AS r (unit_id, period, condition_key, meeting, reporting)
SELECT a.id::int, d.period, d.condition_key, sum(d.meeting)::int, sum(d.reporting)::int
FROM (VALUES ($1::int, $2::text, $3::text, $4::int, $5::int)) AS d(unit_id, period, condition_key, meeting, reporting)
JOIN units u ON u.id = d.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
GROUP BY a.id, d.period, d.condition_key
ORDER BY 1, 2, 3
ON CONFLICT (unit_id, period, condition_key)
DO UPDATE SET meeting = r.meeting + excluded.meeting, reporting = r.reporting + excluded.reporting;

-- % of units: drop rows no reporter feeds
-- params: [1234,"2024","countOfUnits|quarter|#{TIN_BAI_BDG} >= 4"]
DELETE FROM condition_rollups r
USING (VALUES ($1::int, $2::text, $3::text)) AS d(unit_id, period, condition_key)
JOIN units u ON u.id = d.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
WHERE r.unit_id = a.id::int AND r.period = d.period AND r.condition_key = d.condition_key AND r.reporting = 0;

-- % of units, dashboard read: a unit's meeting/reporting
-- params: [7,"2024","countOfUnits|quarter|#{TIN_BAI_BDG} >= 4"]
SELECT r.unit_id, r.period, r.condition_key, r.meeting, r.reporting
FROM condition_rollups r
WHERE r.unit_id IN ($1) AND r.period IN ($2) AND r.condition_key IN ($3)
ORDER BY r.unit_id, r.period, r.condition_key;
