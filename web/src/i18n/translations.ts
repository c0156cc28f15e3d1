/** The shape of a translation: the reference's keys, any wording. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
