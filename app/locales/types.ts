/** The shape of a catalogue: the English one with every string widened, for fr and vi to fill. */
export type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
