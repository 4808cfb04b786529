// The help page (the manifest's support and learn-more link): its texts from the catalogue.
import { showPageTexts } from './page-texts';

showPageTexts();
