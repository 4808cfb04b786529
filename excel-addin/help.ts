// The help page (the manifest's support and learn-more link): its texts from the catalogue.
import { fillPageTexts } from '../core/messages/page-texts';

fillPageTexts(document);
