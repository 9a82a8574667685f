-- consolidated sums of a unit and of its lower units (primary-key reads)
-- params: [7,8,"2024","2024C"]
SELECT r.unit_id, de.code, r.period, r.option, r.total::text AS total
FROM value_rollups r JOIN data_elements de ON de.id = r.data_element_id
WHERE r.unit_id IN ($1, $2) AND r.period IN ($3, $4)
ORDER BY r.unit_id, de.code, r.period, r.option;

-- % of units below a province: per-unit index probes
-- params: [7,"2024","2024Q1",12,"/1/97/%"]
SELECT CASE WHEN v.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || v.agency_id END AS reporter,
  split_part(substr(u.path, $1), '/', 1) AS child, v.period, de.code, v.option, v.value::text AS value
FROM units u
JOIN LATERAL (
  SELECT d.unit_id, s.agency_id, d.period, d.data_element_id, d.option, d.value
  FROM data_values d JOIN submissions s ON s.id = d.submission_id AND s.state = 'approved'
  WHERE d.unit_id = u.id AND d.period IN ($2, $3) AND d.data_element_id IN ($4)
  OFFSET 0 -- keeps the per-unit index probe: not flattened into a nation-wide element scan
) v ON true
JOIN data_elements de ON de.id = v.data_element_id
WHERE u.path LIKE $5;

-- % of units at the nation: the (element, period) index
-- params: [4,12,"2024"]
SELECT CASE WHEN s.agency_id IS NULL THEN 'u:' || v.unit_id ELSE 'a:' || s.agency_id END AS reporter,
  split_part(substr(u.path, $1), '/', 1) AS child, v.period, de.code, v.option, v.value::text AS value
FROM data_values v
JOIN submissions s ON s.id = v.submission_id AND s.state = 'approved'
JOIN units u ON u.id = v.unit_id
JOIN data_elements de ON de.id = v.data_element_id
WHERE v.data_element_id IN ($2) AND v.period IN ($3);
