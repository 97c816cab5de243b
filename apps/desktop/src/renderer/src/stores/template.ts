/** The template for «Ny modell»: the Grorud model, bundled as text. */
import grorud from '../../../../../../examples/grorud/grorudmodellen.json?raw';

export const TEMPLATE_TEXT: string = grorud;
export const TEMPLATE_NAME = 'grorudmodellen.json';
