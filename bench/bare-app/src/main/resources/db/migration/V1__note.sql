create table if not exists note (
    id bigint primary key,
    text text not null
);
