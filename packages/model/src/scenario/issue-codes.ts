// Every issue code that reading, validating, applying variants to and computing a scenario can
// report, with a one-line meaning; docs/scenario-format.md lists the same codes (a test checks it).

/** Every code a scenario issue can carry, with a one-line meaning. */
export const SCENARIO_ISSUE_CODES = {
	// Reading the text
	syntax_error: 'the YAML cannot be read (line and column given)',
	duplicate_key: 'a key appears twice in the same map (line and column given)',
	empty_file: 'the file is empty',
	yaml_merge_key: 'a YAML merge key (<<), which the format does not support: write the fields out',
	yaml_tag: 'a YAML tag other than the core ones (e.g. !!binary or a custom tag)',
	// Structure
	invalid_type: 'a field has the wrong kind of value (a map, a list, text, a year)',
	required: 'a required field or section is absent',
	unknown_field: 'warning: a field the format does not define (often a typo); it is ignored',
	forbidden_key: 'a key such as __proto__, constructor or prototype',
	invalid_id: 'an id is not letters, digits, - and _ (a driver name: a word formulas can use)',
	duplicate_id: 'two participants, pools, governance items or variants have the same id',
	invalid_date: 'a date is not YYYY-MM-DD',
	invalid_year: 'a year is not four digits',
	empty_series: 'a dated series has no dated value',
	invalid_number: 'a number is not a decimal number written as text',
	money_not_string: 'an amount is a YAML number; money must be a decimal string',
	money_precision: 'an amount has more than two decimals (amounts are in whole cents)',
	amount_too_large: 'an amount has more than 15 digits before the decimal point (beyond the exact range)',
	number_out_of_range: 'a number lies beyond 10^±30 or has more than 40 significant digits',
	negative_value: "a number that cannot be negative is, or a pool's revenue exceeds its cost",
	out_of_range: 'a share lies outside 0…1, or the reference year outside the horizon',
	invalid_value: 'a value is not one of those allowed (a pool kind, a legal form)',
	unknown_format: 'the format line names another format',
	invalid_horizon: 'the horizon is not whole years from ≤ to between 1900 and 2200',
	// Provenance
	missing_provenance: 'a number has no basis, or lacks the source or note its basis needs',
	invalid_basis: 'basis is not measured, derived or estimate',
	unknown_source: 'a source id not listed under sources',
	invalid_range: 'range is not a list of two numbers',
	// Uncertainty
	value_outside_range: 'a value lies outside its own range',
	range_out_of_bounds: "a range's low lies above its high, or outside what the value may be",
	invalid_confidence: 'confidence is not low, medium or high',
	unknown_distribution: 'a distribution the format does not know',
	invalid_distribution: 'a distribution that does not fit the value (e.g. a normal without a range)',
	distribution_not_numeric: 'a distribution on something that is not a number (a key)',
	invalid_correlation: 'a correlation is not a number between −1 and 1, or lacks its note',
	unknown_input: 'a correlation names an input path the scenario does not have',
	conflicting_correlation: 'two correlations give the same pair of inputs different values',
	not_positive_semidefinite: 'the correlation matrix is not positive semi-definite',
	too_many_correlated_inputs: 'more correlated inputs than the documented maximum',
	// References
	unknown_participant: 'an id that is not a participant',
	unknown_recipient: 'an id that is neither a participant nor a pool',
	unknown_driver: 'a key or formula names a driver that does not exist',
	unknown_pool: 'the step-down order names an id that is not a pool',
	self_service: "a pool's key serves the pool itself",
	unknown_method: 'the allocation method is not direct, step-down or reciprocal',
	invalid_order: 'the step-down order is not a list of pool ids',
	incomplete_order: 'the step-down order leaves out a pool',
	// Keys
	invalid_key: 'a key is not a map, or a fixed key has no shares',
	invalid_key_type: 'a key type the format does not know',
	driver_total_zero: "a key's shares or driver values sum to zero, so it divides nothing",
	negative_weight: 'a key gives a recipient a negative weight',
	formula_syntax: 'a formula cannot be read',
	formula_not_allowed: 'a formula uses something other than arithmetic over driver names',
	formula_too_long: 'a formula is longer than allowed',
	formula_error: 'a formula cannot be evaluated for a recipient (division by zero, say)',
	formula_out_of_range: 'a constant, exponent or value of a formula is beyond 10^±30 (exponents beyond ±100)',
	// Computation (the dry run of every year)
	no_value_in_force: 'a value the computation needs has no entry in force on 1 January of a year',
	unallocated_cost: 'warning: a pool has no weight to anything it may allocate to',
	allocation_failed: 'the engine refuses the year (a reciprocal system without a solution, say)',
	not_reconciled: "warning: a year's costs and charges differ (a defect in the model, not in the data)",
	not_comparable: 'a variant changes the horizon or the participants, so it cannot be compared with its baseline',
	// Variants
	invalid_path: 'a change names a path that is not a path such as pools[id=ict].cost',
	unknown_path: 'a change names a field or element the scenario does not have',
	not_dated: 'a change with from applies to a value that is not a dated series, or to a list element',
	unknown_variant: 'a variant names a base that does not exist',
	unknown_base: 'a variant names a base that is neither the baseline nor a variant',
	variant_cycle: 'variants are based on each other in a circle'
} as const;

/** A code a scenario issue can carry. */
export type ScenarioIssueCode = keyof typeof SCENARIO_ISSUE_CODES;
