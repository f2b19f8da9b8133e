/** Parts of synthetic street addresses: `<number> <name> <suffix>[, <unit>]`. */
export const STREET_NAMES: readonly string[] = [
  'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Walnut', 'Willow', 'Birch', 'Chestnut', 'Spruce',
  'Main', 'Park', 'Lake', 'Hill', 'River', 'Sunset', 'Highland', 'Meadow', 'Forest', 'Ridge',
  'Washington', 'Lincoln', 'Jefferson', 'Madison', 'Franklin', 'Jackson', 'Adams', 'Monroe', 'Church', 'Mill',
  'Spring', 'Valley', 'Prospect', 'Union', 'Center', 'North', 'South', 'Cherry', 'Dogwood', 'Magnolia',
];

export const STREET_SUFFIXES: readonly string[] = [
  'Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Way', 'Boulevard', 'Place', 'Terrace',
];

export const UNIT_PREFIXES: readonly string[] = ['Apt', 'Suite', 'Unit'];
