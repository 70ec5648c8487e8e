/**
 * Static name lists for the demo data generator (demo-data.ts): Swedish first and last names, the members in
 * Östergötland with their real place names, and building blocks for made-up national organisations.
 */

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Anna', 'Maria', 'Karin', 'Sara', 'Lena', 'Eva', 'Kristina', 'Emma', 'Johanna', 'Malin', 'Sofia', 'Elin',
  'Linda', 'Ida', 'Hanna', 'Jenny', 'Camilla', 'Helena', 'Annika', 'Susanne', 'Ulrika', 'Marie', 'Carina',
  'Jessica', 'Therese', 'Frida', 'Lisa', 'Matilda', 'Ingrid', 'Birgitta', 'Margareta', 'Elisabeth', 'Cecilia',
  'Åsa', 'Ann-Sofie', 'Louise', 'Amanda', 'Julia', 'Moa', 'Petra', 'Mona', 'Agneta', 'Gunilla', 'Monica',
  'Yvonne', 'Pia', 'Sanna', 'Josefin', 'Rebecka', 'Renée', 'Fatima', 'Amira', 'Leyla', 'Nadia', 'Aisha',
  'Selma', 'Ebba', 'Tove',
];

export const MALE_FIRST_NAMES: readonly string[] = [
  'Erik', 'Lars', 'Anders', 'Johan', 'Per', 'Karl', 'Mikael', 'Peter', 'Daniel', 'Fredrik', 'Magnus', 'Jonas',
  'Niklas', 'Andreas', 'Martin', 'Stefan', 'Henrik', 'Mattias', 'Oskar', 'Viktor', 'Emil', 'Alexander', 'André',
  'Ahmed', 'Mohammed', 'Ali', 'Omar', 'Hassan', 'Björn', 'Göran', 'Åke', 'Jörgen',
];

export const LAST_NAMES: readonly string[] = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Axelsson', 'Berg', 'Bergström', 'Lundberg',
  'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg',
  'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman',
  'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg',
  'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson',
  'Lundström', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström', 'Lund', 'Nordin',
  'Ström', 'Åberg', 'Hermansson', 'Ekström', 'Holmgren', 'Sundberg', 'Hedlund', 'Dahlberg', 'Hellström',
  'Ali', 'Mohammed', 'Hussein', 'Yilmaz', 'Nguyen', 'Kovačević',
];

/** A member municipality in Östergötland. `districts` lie in the main town; `localities` are separate towns. */
export interface MunicipalitySource {
  place: string;
  name: string;
  town: string;
  domain: string;
  /** Real organisation number (kommunens organisationsnummer). */
  organisationNumber: string;
  areaCode: string;
  /** Population at the end of 2022, 2023 and 2024. */
  populations: readonly [number, number, number];
  postalPrefixes: readonly string[];
  districts: readonly string[];
  localities: readonly (readonly [name: string, postalPrefix: string])[];
}

export const OSTERGOTLAND_MUNICIPALITIES: readonly MunicipalitySource[] = [
  { place: 'Boxholm', name: 'Boxholms kommun', town: 'Boxholm', domain: 'boxholm.se', organisationNumber: '212000-0407',
    areaCode: '0142', populations: [5_527, 5_512, 5_531], postalPrefixes: ['590'], districts: ['Centrum', 'Åsbo'],
    localities: [['Malexander', '590'], ['Strålsnäs', '590']] },
  { place: 'Finspång', name: 'Finspångs kommun', town: 'Finspång', domain: 'finspang.se', organisationNumber: '212000-0423',
    areaCode: '0122', populations: [21_995, 22_039, 22_052], postalPrefixes: ['612'],
    districts: ['Centrum', 'Nyhem', 'Grosvad', 'Hårstorp', 'Svälthagen'],
    localities: [['Rejmyre', '610'], ['Lotorp', '612'], ['Hällestad', '612'], ['Igelfors', '612'], ['Ljusfallshammar', '610']] },
  { place: 'Kinda', name: 'Kinda kommun', town: 'Kisa', domain: 'kinda.se', organisationNumber: '212000-0399',
    areaCode: '0494', populations: [9_913, 9_884, 9_902], postalPrefixes: ['590'], districts: ['Kisa', 'Centrum'],
    localities: [['Rimforsa', '590'], ['Horn', '590'], ['Hycklinge', '590'], ['Björkfors', '590']] },
  { place: 'Linköping', name: 'Linköpings kommun', town: 'Linköping', domain: 'linkoping.se', organisationNumber: '212000-0449',
    areaCode: '013', populations: [165_527, 167_404, 168_740], postalPrefixes: ['582', '583', '584', '585', '586', '587'],
    districts: ['Ryd', 'Skäggetorp', 'Berga', 'Lambohov', 'Ekholmen', 'Vallastaden', 'Johannelund', 'Tannefors',
      'Hjulsbro', 'Gottfridsberg', 'Vasastaden', 'Innerstaden', 'Åbylund', 'Ramshäll', 'Hejdeby', 'Vidingsjö',
      'Majelden', 'Slestad', 'Ekkällan', 'Landeryd', 'Tornby', 'Garstad', 'Kärna', 'Valla', 'Eriksberg', 'Centrum'],
    localities: [['Malmslätt', '584'], ['Ljungsbro', '590'], ['Sturefors', '590'], ['Linghem', '585'],
      ['Vikingstad', '590'], ['Vreta kloster', '590']] },
  { place: 'Mjölby', name: 'Mjölby kommun', town: 'Mjölby', domain: 'mjolby.se', organisationNumber: '212000-0480',
    areaCode: '0142', populations: [28_067, 28_229, 28_391], postalPrefixes: ['595'],
    districts: ['Centrum', 'Hulje', 'Viby', 'Vifolka'],
    localities: [['Skänninge', '596'], ['Mantorp', '595'], ['Väderstad', '599'], ['Sya', '595']] },
  { place: 'Motala', name: 'Motala kommun', town: 'Motala', domain: 'motala.se', organisationNumber: '212000-2817',
    areaCode: '0141', populations: [43_986, 44_083, 44_212], postalPrefixes: ['591'],
    districts: ['Centrum', 'Väster', 'Råssnäs', 'Charlottenborg', 'Bergsäter', 'Gamla stan', 'Dalsberg', 'Östermalm',
      'Solbacken', 'Strömsborg'],
    localities: [['Borensberg', '590'], ['Tjällmo', '591'], ['Godegård', '591'], ['Fornåsa', '590'], ['Klockrike', '591']] },
  { place: 'Norrköping', name: 'Norrköpings kommun', town: 'Norrköping', domain: 'norrkoping.se', organisationNumber: '212000-0456',
    areaCode: '011', populations: [144_458, 145_163, 145_716], postalPrefixes: ['600', '602', '603', '604', '605'],
    districts: ['Hageby', 'Navestad', 'Eneby', 'Skarptorp', 'Klockaretorpet', 'Vilbergen', 'Ringdansen', 'Lindö',
      'Marielund', 'Smedby', 'Haga', 'Kneippen', 'Saltängen', 'Ektorp', 'Oxelbergen', 'Sandbyhov', 'Ljura',
      'Ingelsta', 'Borg', 'Såpkullen', 'Centrum'],
    localities: [['Åby', '616'], ['Kolmården', '618'], ['Krokek', '618'], ['Skärblacka', '617'], ['Svärtinge', '616'],
      ['Östra Husby', '610'], ['Kimstad', '610'], ['Simonstorp', '610']] },
  { place: 'Söderköping', name: 'Söderköpings kommun', town: 'Söderköping', domain: 'soderkoping.se', organisationNumber: '212000-0464',
    areaCode: '0121', populations: [14_613, 14_707, 14_781], postalPrefixes: ['614'], districts: ['Centrum', 'Skönberga'],
    localities: [['Mogata', '614'], ['Västra Husby', '610'], ['Östra Ryd', '614'], ['Sankt Anna', '614']] },
  { place: 'Vadstena', name: 'Vadstena kommun', town: 'Vadstena', domain: 'vadstena.se', organisationNumber: '212000-2825',
    areaCode: '0143', populations: [7_452, 7_470, 7_498], postalPrefixes: ['592'], districts: ['Centrum', 'Tycklinge'],
    localities: [['Borghamn', '592'], ['Nässja', '592']] },
  { place: 'Valdemarsvik', name: 'Valdemarsviks kommun', town: 'Valdemarsvik', domain: 'valdemarsvik.se',
    organisationNumber: '212000-0431', areaCode: '0123', populations: [7_721, 7_690, 7_658], postalPrefixes: ['615'],
    districts: ['Centrum'], localities: [['Gryt', '615'], ['Gusum', '610'], ['Ringarum', '615']] },
  { place: 'Ydre', name: 'Ydre kommun', town: 'Österbymo', domain: 'ydre.se', organisationNumber: '212000-0381',
    areaCode: '0381', populations: [3_722, 3_709, 3_698], postalPrefixes: ['573'], districts: ['Österbymo'],
    localities: [['Rydsnäs', '573'], ['Svinhult', '573'], ['Sund', '573']] },
  { place: 'Åtvidaberg', name: 'Åtvidabergs kommun', town: 'Åtvidaberg', domain: 'atvidaberg.se', organisationNumber: '212000-0415',
    areaCode: '0120', populations: [11_547, 11_519, 11_482], postalPrefixes: ['597'], districts: ['Centrum'],
    localities: [['Grebo', '597'], ['Björsäter', '597'], ['Falerum', '597'], ['Yxnerum', '597']] },
  { place: 'Ödeshög', name: 'Ödeshögs kommun', town: 'Ödeshög', domain: 'odeshog.se', organisationNumber: '212000-0373',
    areaCode: '0144', populations: [5_334, 5_318, 5_301], postalPrefixes: ['599'], districts: ['Centrum'],
    localities: [['Hästholmen', '599'], ['Rök', '599'], ['Stora Åby', '599'], ['Trehörna', '599']] },
];

export const REGION_OSTERGOTLAND = {
  name: 'Region Östergötland', domain: 'regionostergotland.se', organisationNumber: '232100-0040', areaCode: '010',
} as const;

/** Where Region Östergötland's primary care units (vårdcentraler) lie: [municipality place, district or locality]. */
export const OSTERGOTLAND_PRIMARY_CARE: readonly (readonly [string, string])[] = [
  ['Linköping', 'Ekholmen'], ['Linköping', 'Kärna'], ['Linköping', 'Ryd'], ['Linköping', 'Skäggetorp'],
  ['Linköping', 'Berga'], ['Linköping', 'Lambohov'], ['Linköping', 'Valla'], ['Linköping', 'Johannelund'],
  ['Linköping', 'Ljungsbro'], ['Linköping', 'Linghem'], ['Norrköping', 'Hageby'], ['Norrköping', 'Navestad'],
  ['Norrköping', 'Vilbergen'], ['Norrköping', 'Kneippen'], ['Norrköping', 'Åby'], ['Norrköping', 'Kolmården'],
  ['Norrköping', 'Skärblacka'], ['Norrköping', 'Ingelsta'], ['Motala', 'Centrum'], ['Motala', 'Borensberg'],
  ['Motala', 'Väster'], ['Mjölby', 'Centrum'], ['Mjölby', 'Mantorp'], ['Mjölby', 'Skänninge'], ['Finspång', 'Centrum'],
  ['Söderköping', 'Centrum'], ['Åtvidaberg', 'Centrum'], ['Kinda', 'Kisa'], ['Kinda', 'Rimforsa'],
  ['Valdemarsvik', 'Centrum'], ['Vadstena', 'Centrum'], ['Ödeshög', 'Centrum'], ['Boxholm', 'Centrum'],
  ['Ydre', 'Österbymo'],
];

/** Region Östergötland's hospitals: [name, city, postal code, street address]. */
export const OSTERGOTLAND_HOSPITALS: readonly (readonly [string, string, string, string])[] = [
  ['Universitetssjukhuset i Linköping', 'Linköping', '581 85', 'Sjukhusvägen 1'],
  ['Vrinnevisjukhuset', 'Norrköping', '603 79', 'Gamla Övägen 25'],
  ['Lasarettet i Motala', 'Motala', '591 85', 'Lasarettsgatan 2'],
];

/** Names given to nursing homes and group homes (vård- och omsorgsboenden, gruppbostäder). */
export const HOME_NAMES: readonly string[] = [
  'Lotsen', 'Solbacken', 'Lindgården', 'Ekbacken', 'Björkängen', 'Rosengården', 'Vallmon', 'Tallbacken', 'Lärkan',
  'Lyckebo', 'Solgläntan', 'Blåklinten', 'Ängsgården', 'Furuhem', 'Kastanjen', 'Granbacken', 'Lindhem',
  'Nyckelpigan', 'Fyren', 'Hamnen', 'Kvarnen', 'Skogsgläntan', 'Häggen', 'Almen', 'Syrenen', 'Kronan', 'Ljungen',
  'Vitsippan', 'Strandgården', 'Parkgården', 'Berggården', 'Ekdungen', 'Hagagården', 'Ängsliljan', 'Gläntan',
  'Ankaret', 'Tornet', 'Linden', 'Eken', 'Pilgården',
];

export const STREET_NAMES: readonly string[] = [
  'Storgatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Skolgatan', 'Kyrkogatan', 'Nygatan', 'Parkgatan',
  'Trädgårdsgatan', 'Ågatan', 'Hamngatan', 'Torggatan', 'Björkvägen', 'Ekvägen', 'Lindvägen', 'Tallvägen',
  'Granvägen', 'Lönnvägen', 'Aspvägen', 'Rönnvägen', 'Solvägen', 'Ängsvägen', 'Hagvägen', 'Skogsvägen', 'Sjövägen',
  'Bergsvägen', 'Backvägen', 'Allégatan', 'Vasagatan', 'Stationsvägen', 'Prästgårdsvägen', 'Vårdvägen',
];

/** Sweden's 21 regions and their web domains (Västra Götaland's official name breaks the "Region X" pattern). */
export const SWEDISH_REGIONS: readonly (readonly [name: string, domain: string])[] = [
  ['Region Stockholm', 'regionstockholm.se'], ['Region Uppsala', 'regionuppsala.se'],
  ['Region Sörmland', 'regionsormland.se'], ['Region Östergötland', 'regionostergotland.se'],
  ['Region Jönköpings län', 'rjl.se'], ['Region Kronoberg', 'kronoberg.se'], ['Region Kalmar län', 'regionkalmar.se'],
  ['Region Gotland', 'gotland.se'], ['Region Blekinge', 'regionblekinge.se'], ['Region Skåne', 'skane.se'],
  ['Region Halland', 'regionhalland.se'], ['Västra Götalandsregionen', 'vgregion.se'],
  ['Region Värmland', 'regionvarmland.se'], ['Region Örebro län', 'regionorebrolan.se'],
  ['Region Västmanland', 'regionvastmanland.se'], ['Region Dalarna', 'regiondalarna.se'],
  ['Region Gävleborg', 'regiongavleborg.se'], ['Region Västernorrland', 'rvn.se'],
  ['Region Jämtland Härjedalen', 'regionjh.se'], ['Region Västerbotten', 'regionvasterbotten.se'],
  ['Region Norrbotten', 'norrbotten.se'],
];

/** Building blocks for made-up but plausible town names ("Björkvik", "Ekköping"). */
export const TOWN_PREFIXES: readonly string[] = [
  'Björk', 'Ek', 'Lind', 'Al', 'Gran', 'Sjö', 'Berg', 'Dal', 'Hag', 'Ås', 'Holm', 'Näs', 'Sand', 'Sten', 'Malm',
  'Fors', 'Tor', 'Kvarn', 'Ros', 'Lill', 'Stor', 'Norr', 'Sör', 'Väster', 'Öster', 'Mar', 'Hed', 'Bro', 'Hult',
  'Ly', 'Mo', 'Ny', 'Gull', 'Hög', 'Kung', 'Ram', 'Vall', 'Brå', 'Skog', 'Ängel',
];
export const TOWN_SUFFIXES: readonly string[] = [
  'by', 'berg', 'sjö', 'köping', 'hamn', 'vik', 'holm', 'dal', 'näs', 'ås', 'fors', 'torp', 'hult', 'stad', 'ryd',
  'mo', 'lunda', 'tuna', 'hed', 'ström', 'bo', 'åker', 'tofta', 'sund', 'ö',
];
/** Building blocks for made-up district names inside a town ("Ekdalen", "Björkhagen"). */
export const DISTRICT_SUFFIXES: readonly string[] = [
  'dalen', 'backen', 'gården', 'hagen', 'ängen', 'lund', 'berga', 'torp', 'skogen', 'höjden', 'udden', 'vallen',
  'parken', 'slätt', 'gärdet', 'holmen',
];
