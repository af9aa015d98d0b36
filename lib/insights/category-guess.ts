/**
 * The product's category, guessed from words: the tab title a product page shows, or the
 * category path an API gives ("Phones & Telecommunications › Mobile Phones"). Keywords are in
 * the languages of AliExpress's sites (English, Russian, Spanish, Portuguese, French, German,
 * Italian, Dutch, Polish, Turkish), lower case, matched at the start of a word, so "smartphone"
 * also matches "smartphones" and "смартфон" matches "смартфона". A guess is marked as one in
 * the popup, with one click to correct it.
 */
import type { CategoryKey } from '../rates/types';

/**
 * Checked in this order: the first category with a matching keyword wins. Accessories come
 * before phones ("phone case" is an accessory), virtual goods before everything (a "gift card
 * for phones" is a gift card), clothing by audience before generic words.
 */
const KEYWORDS: readonly (readonly [CategoryKey, readonly string[]])[] = [
  ['specialCategory', ['gift card', 'giftcard', 'voucher', 'e-book', 'ebook', 'подарочн', 'сертификат', 'электронная книга', 'tarjeta regalo', 'cartão presente', 'carte cadeau', 'gutschein', 'buono regalo', 'cadeaubon', 'karta podarunkowa', 'hediye kart']],
  [
    'mobilePhoneAccessories',
    [
      'phone accessor', 'cables', 'phone case', 'case for', 'cover for', 'screen protector', 'tempered glass', 'phone holder', 'charger', 'charging cable', 'usb-c cable', 'usb c cable', 'type-c cable', 'lightning cable', 'power bank', 'selfie stick',
      'чехол', 'защитное стекло', 'зарядн', 'кабель', 'повербанк', 'держатель для телефона',
      'funda', 'protector de pantalla', 'cargador', 'cable usb', 'capa para', 'capinha', 'carregador', 'película',
      'coque', 'chargeur', 'câble', 'hülle', 'schutzfolie', 'ladegerät', 'ladekabel', 'cover per', 'caricatore', 'cavo',
      'hoesje', 'oplader', 'etui', 'ładowark', 'kabel usb', 'kılıf', 'şarj',
    ],
  ],
  [
    'tablets',
    ['tablet', 'ipad', 'планшет', 'tableta', 'tablette', 'tablet pc'],
  ],
  [
    'laptopNetbooks',
    ['laptop', 'notebook', 'netbook', 'ultrabook', 'macbook', 'ноутбук', 'нетбук', 'portátil', 'ordenador portátil', 'ordinateur portable', 'portatile', 'dizüstü'],
  ],
  [
    'mobilePhone',
    ['smartphone', 'mobile phone', 'cell phone', 'cellphone', 'unlocked phone', 'смартфон', 'мобильный телефон', 'сотовый телефон', 'teléfono móvil', 'móvil', 'celular', 'téléphone portable', 'telefono cellulare', 'telefoon', 'telefon komórkowy', 'cep telefonu', 'redmi note', 'iphone', 'galaxy s'],
  ],
  ['desktop', ['desktop', 'mini pc', 'all-in-one pc', 'системный блок', 'неттоп', 'моноблок', 'ordenador de sobremesa', 'computador de mesa', 'ordinateur de bureau']],
  ['externalStorage', ['external hard drive', 'external ssd', 'usb flash', 'flash drive', 'pendrive', 'memory card', 'sd card', 'micro sd', 'флешк', 'внешний диск', 'карта памяти', 'memoria usb', 'tarjeta de memoria', 'clé usb', 'carte mémoire', 'speicherkarte']],
  ['internalStorage', ['ssd', 'nvme', 'm.2', 'hard drive', 'hdd', 'ram ddr', 'ddr4', 'ddr5', 'жесткий диск', 'оперативная память', 'disco duro', 'disque dur', 'festplatte']],
  ['computerPeripherals', ['keyboard', 'mouse', 'webcam', 'monitor', 'printer', 'клавиатур', 'мышь', 'мышка', 'веб-камер', 'монитор', 'teclado', 'ratón', 'clavier', 'souris', 'tastatur', 'tastiera', 'toetsenbord', 'klawiatur']],
  ['homeAudioVideo', ['tv box', 'android tv', 'projector', 'soundbar', 'speaker', 'headphones', 'earbuds', 'earphones', 'proyector', 'altavoz', 'auriculares', 'колонк', 'наушник', 'проектор', 'тв приставк', 'projecteur', 'enceinte', 'écouteurs', 'lautsprecher', 'kopfhörer', 'beamer']],
  ['childrensClothing', ['kids', 'children', 'baby', 'toddler', 'boys', 'girls', 'детск', 'для мальчик', 'для девочк', 'niños', 'niña', 'niño', 'bebé', 'infantil', 'enfant', 'bébé', 'kinder', 'bambin', 'dziecięc']],
  ['womensClothing', ['women', 'woman', 'ladies', 'dress', 'skirt', 'blouse', 'женск', 'платье', 'юбка', 'блузк', 'mujer', 'vestido', 'falda', 'feminino', 'femme', 'robe', 'damen', 'kleid', 'donna', 'vestito', 'dames', 'damsk', 'sukienk', 'kadın', 'elbise']],
  ['mensClothing', ['men', "men's", 'mens', 'мужск', 'hombre', 'masculino', 'homme', 'herren', 'uomo', 'heren', 'męsk', 'erkek']],
  ['gardenSupplies', ['garden', 'plant', 'seeds', 'irrigation', 'garden hose', 'сад', 'огород', 'семена', 'полив', 'jardín', 'jardim', 'jardin', 'garten', 'giardino', 'tuin', 'ogród', 'bahçe']],
  ['interiorAccessories', ['car seat cover', 'steering wheel', 'car interior', 'dashboard', 'car organizer', 'чехлы на сиденья', 'оплетка руля', 'салон автомобиля', 'funda asiento', 'volante', 'intérieur voiture', 'lenkrad', 'autositz']],
];

/** The words of a text, lower case, with punctuation as spaces: word starts are where a keyword may match. */
const normalize = (text: string) => ` ${text.toLowerCase().replace(/[\s,.;:!?()[\]{}"'«»|/\\+*_–—-]+/g, ' ').trim()} `;
const normalizeKeyword = (keyword: string) => ` ${keyword.toLowerCase().replace(/[\s,.;:!?()[\]{}"'«»|/\\+*_–—-]+/g, ' ').trim()}`;

const PREPARED = KEYWORDS.map(([key, words]) => [key, words.map(normalizeKeyword)] as const);

/** The category the words point to, or null when none of the keywords appears. Total: any input. */
export function guessCategory(text: unknown): CategoryKey | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const words = normalize(text.slice(0, 500));
  for (const [key, keywords] of PREPARED) if (keywords.some((keyword) => words.includes(keyword))) return key;
  return null;
}

/**
 * The product's title from the tab's: the site's suffix trimmed ("… - AliExpress 509",
 * "… – купить по выгодной цене в интернет-магазине AliExpress"). Null for an empty or
 * site-only title.
 */
export function productTitleFromTab(tabTitle: unknown): string | null {
  if (typeof tabTitle !== 'string') return null;
  let title = tabTitle.replace(/\s+/g, ' ').trim();
  // The last " - ", " – ", " — " or " | " segment that names the site. Only a spaced separator
  // ends a segment: "интернет-магазине AliExpress" has a hyphen of its own.
  const suffix = /\s[-–—|]\s(?:(?!\s[-–—|]\s).)*aliexpress(?:(?!\s[-–—|]\s).)*$/i;
  while (suffix.test(title)) title = title.replace(suffix, '').trim();
  title = title.replace(/^aliexpress\s*[-–—|:]\s*/i, '').trim();
  if (title === '' || /^aliexpress(\.\w+)?$/i.test(title)) return null;
  return title.length > 300 ? `${title.slice(0, 299)}…` : title;
}
