/**
 * Words product names are built from, `<base> - <variant>`, per category (in CATEGORY_NAMES
 * order). Each category has more combinations than the 42 products it can get. Some variants
 * carry a comma or double quotes so that ProductName exercises CSV quoting.
 */
export interface ProductWords {
  bases: readonly string[];
  variants: readonly string[];
}

const SHARED = ['Organic', 'Premium', 'Value, 12 Pack', "Chef's Choice"];

export const PRODUCT_WORDS_BY_CATEGORY: readonly ProductWords[] = [
  {
    bases: ['Chocolate Bar', 'Candy', 'Toffee', 'Marshmallow', 'Licorice', 'Fudge', 'Caramel', 'Gum', 'Jelly Beans', 'Truffle'],
    variants: [...SHARED, 'Mini', 'Sugar Free', 'Dark', 'Milk', 'Mint', 'Assorted, Gift Box', '"Grandma\'s" Recipe'],
  },
  {
    bases: ['Shrimp', 'Crab', 'Lobster', 'Mussels', 'Clams', 'Oysters', 'Scallops', 'Crawfish'],
    variants: [...SHARED, 'Fresh', 'Frozen', 'Cooked', 'Raw, Peeled', 'Jumbo', 'Smoked'],
  },
  {
    bases: ['Oats', 'Corn Flakes', 'Granola', 'Muesli', 'Bran Flakes', 'Rice Puffs', 'Porridge'],
    variants: [...SHARED, 'Honey', 'Whole Grain', 'Low Sugar', 'Family Size', 'Fruit, Nut and Seed', 'Cinnamon'],
  },
  {
    bases: ['Milk', 'Cheese', 'Butter', 'Yogurt', 'Cream', 'Sour Cream', 'Cottage Cheese', 'Kefir'],
    variants: [...SHARED, 'Low Fat', 'Whole', 'Unsalted', 'Lactose Free', 'Aged', 'Goat, Soft'],
  },
  {
    bases: ['Juice', 'Coffee', 'Tea', 'Soda', 'Water', 'Lemonade', 'Wine', 'Beer', 'Iced Tea'],
    variants: [...SHARED, 'Sparkling', 'Decaf', 'Diet', 'Imported', 'Red, Dry', 'Cold Brew'],
  },
  {
    bases: ['Salmon', 'Tuna', 'Cod', 'Halibut', 'Trout', 'Tilapia', 'Sardines', 'Mackerel', 'Haddock'],
    variants: [...SHARED, 'Fresh', 'Frozen', 'Smoked', 'Canned', 'Fillet, Skinless', 'Wild'],
  },
  {
    bases: ['Beef', 'Pork', 'Lamb', 'Veal', 'Bacon', 'Sausage', 'Ham', 'Venison'],
    variants: [...SHARED, 'Ground', 'Sliced', 'Marinated', 'Roast', 'Shoulder, Boneless', 'Smoked', '"Select" Cut'],
  },
  {
    bases: ['Flour', 'Rice', 'Barley', 'Quinoa', 'Couscous', 'Bulgur', 'Pasta', 'Cornmeal'],
    variants: [...SHARED, 'Whole Wheat', 'Bulk, 5 kg', 'White', 'Brown', 'Gluten Free', 'Stone Ground'],
  },
  {
    bases: ['Chicken', 'Turkey', 'Duck', 'Goose', 'Quail', 'Cornish Hen'],
    variants: [...SHARED, 'Free Range', 'Whole', 'Breast, Boneless', 'Thighs', 'Wings', 'Roasted', 'Smoked'],
  },
  {
    bases: ['Escargot', 'Snails', 'Periwinkles', 'Whelks'],
    variants: [...SHARED, 'Canned', 'Frozen', 'In Shell', 'Garlic Butter', 'Burgundy, Large', 'Cooked', 'Fresh'],
  },
  {
    bases: ['Apples', 'Bananas', 'Carrots', 'Lettuce', 'Tomatoes', 'Onions', 'Peppers', 'Potatoes', 'Spinach', 'Mushrooms'],
    variants: [...SHARED, 'Fresh', 'Baby', 'Local', 'Diced', 'Red, Bagged', 'Bunch'],
  },
];
